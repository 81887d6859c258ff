package ai.spawn.web;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.CodeGenerator;
import ai.spawn.generation.Example;
import ai.spawn.generation.GenerationException;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationRequest;

/**
 * Wraps the server's real generator and fails the first attempt at each prompt that contains {@link #MARKER}, the
 * way a model service that times out once fails; every other call, and the second attempt, goes to the real
 * generator with the marker removed. Lets a browser test see a failure and a Retry that works. Thread-safe.
 */
final class FlakyOnceCodeGenerator implements CodeGenerator {

    static final String MARKER = " (flaky model)";
    static final String FAILURE = "the model service did not answer in time";

    private final CodeGenerator delegate;
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    FlakyOnceCodeGenerator(CodeGenerator delegate) {
        this.delegate = delegate;
    }

    @Override
    public String engine() {
        return delegate.engine();
    }

    @Override
    public String model() {
        return delegate.model();
    }

    @Override
    public String promptVersion() {
        return delegate.promptVersion();
    }

    @Override
    public boolean canFix() {
        return delegate.canFix();
    }

    @Override
    public List<Example> examples() {
        return delegate.examples();
    }

    @Override
    public AppBundle generate(GenerationRequest request, GenerationListener listener) {
        String prompt = request.prompt();
        if (prompt == null || !prompt.contains(MARKER)) {
            return delegate.generate(request, listener);
        }
        if (failedOnce.add(prompt)) {
            throw new GenerationException(FAILURE);
        }
        return delegate.generate(new GenerationRequest(prompt.replace(MARKER, ""), request.current(),
                request.failure(), request.history()), listener);
    }
}
