package ai.spawn.sandbox.local;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Sandbox ids: {@code sbx-} and ten random lowercase base32 characters (50 bits), safe as a file and cgroup name.
 * Thread-safe.
 */
final class SandboxIds {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final Pattern VALID = Pattern.compile("sbx-[a-z2-7]{10}");

    private final SecureRandom random = new SecureRandom();

    String next() {
        StringBuilder id = new StringBuilder("sbx-");
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** Whether {@code id} has the shape of an id this provider hands out (anything else never touches the disk). */
    static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
