package ai.spawn;

import java.security.SecureRandom;

/** Random identifiers made of lowercase letters and digits, safe in DNS labels and URLs. */
public final class Ids {

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private Ids() {
    }

    /** {@code length} random characters from a 32-letter alphabet (5 bits each). */
    public static String random(SecureRandom random, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
