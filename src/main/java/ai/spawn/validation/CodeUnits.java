package ai.spawn.validation;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import ai.spawn.generation.AppBundle;
import org.springframework.stereotype.Component;

/**
 * The code units of a bundle ({@link BundleSources#units}), lexed once per bundle rather than once per rule: the
 * rules of one validation run one after another on the same bundle, so the last bundle's units are kept (one entry,
 * matched by identity; it holds that bundle's text until the next validation). Thread-safe: concurrent validations
 * of different bundles only cost extra lexing.
 */
@Component
class CodeUnits {

    private record Entry(AppBundle bundle, List<CodeUnit> units) {
    }

    private final AtomicReference<Entry> last = new AtomicReference<>();

    List<CodeUnit> of(AppBundle bundle) {
        Entry e = last.get();
        if (e != null && e.bundle() == bundle) {
            return e.units();
        }
        List<CodeUnit> units = List.copyOf(BundleSources.units(bundle));
        last.set(new Entry(bundle, units));
        return units;
    }
}
