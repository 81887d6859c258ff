import ai.spawn.generation.AppBundle;
import ai.spawn.generation.Example;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.blueprint.BlueprintCodeGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Offline engine figure: generation time of every example prompt of the catalog (new apps) and of a follow-up edit,
 * after a warm-up, on one thread.
 *
 * <p>Usage (from the project root, after {@code ./mvnw -o -q compile} and
 * {@code ./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp}):
 * {@code java -cp "target/classes:$(cat target/bench.cp)" bench/generation/BlueprintBench.java [rounds=200]}
 */
public class BlueprintBench {

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long t0 = System.nanoTime();
        BlueprintCodeGenerator generator = new BlueprintCodeGenerator();
        System.out.printf("catalog loaded in %.1f ms (%d examples)%n", (System.nanoTime() - t0) / 1e6,
                generator.examples().size());
        List<Example> examples = generator.examples();
        for (int i = 0; i < 20; i++) {
            for (Example e : examples) {
                generator.generate(GenerationRequest.newApp(e.prompt()), GenerationListener.NONE);
            }
        }
        List<Double> all = new ArrayList<>();
        for (Example e : examples) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                long s = System.nanoTime();
                generator.generate(GenerationRequest.newApp(e.prompt()), GenerationListener.NONE);
                times.add((System.nanoTime() - s) / 1e6);
            }
            all.addAll(times);
            System.out.printf("%-10s p50 %6.3f ms  p95 %6.3f ms  %s%n", e.kind(), pct(times, 50), pct(times, 95),
                    e.prompt());
        }
        AppBundle todo = generator.generate(GenerationRequest.newApp("a todo list"), GenerationListener.NONE);
        List<Double> edits = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long s = System.nanoTime();
            generator.generate(new GenerationRequest("add a due date field and make it green", todo, null,
                    List.of("a todo list")), GenerationListener.NONE);
            edits.add((System.nanoTime() - s) / 1e6);
        }
        System.out.printf("%nall new apps (%d): p50 %.3f ms, p95 %.3f ms, max %.3f ms%n", all.size(), pct(all, 50),
                pct(all, 95), Collections.max(all));
        System.out.printf("follow-up edit (%d): p50 %.3f ms, p95 %.3f ms%n", edits.size(), pct(edits, 50),
                pct(edits, 95));
    }

    static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
