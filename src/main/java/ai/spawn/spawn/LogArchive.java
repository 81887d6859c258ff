package ai.spawn.spawn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The last log lines of apps whose sandbox is gone (failed, expired, destroyed), so their logs stay readable for
 * a while. Bounded: it keeps the most recent {@value #MAX_APPS} apps. In memory only.
 */
@Component
class LogArchive {

    static final int MAX_APPS = 2000;

    private final Map<String, List<String>> lines = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > MAX_APPS;
        }
    };

    synchronized void keep(String appId, List<String> last) {
        lines.put(appId, List.copyOf(last));
    }

    synchronized List<String> get(String appId) {
        return lines.getOrDefault(appId, List.of());
    }
}
