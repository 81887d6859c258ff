package ai.spawn.generation.blueprint;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template values of the password generator: the default length ("20 character passwords", clamped to 6..128) and
 * whether it opens on passphrases ("a passphrase generator"). Stateless and thread-safe.
 */
final class PasswordValues implements Blueprint.Contributor {

    static final int DEFAULT_LENGTH = 16;
    private static final Pattern LENGTH = Pattern.compile(
            "(?i)\\b(\\d{1,3})\\s*-?\\s*(?:char(?:acter)?s?|letters?|long|symbols? long|digits?)\\b"
                    + "|\\blength\\s+(?:of\\s+)?(\\d{1,3})\\b");

    @Override
    public void contribute(PromptFacts facts, Map<String, String> values) {
        int length = DEFAULT_LENGTH;
        for (PromptText m : facts.messages()) {
            Matcher l = LENGTH.matcher(m.original());
            if (l.find()) {
                length = Math.max(6, Math.min(128, Integer.parseInt(l.group(1) != null ? l.group(1) : l.group(2))));
                break;
            }
        }
        boolean words = facts.messages().stream().anyMatch(m -> m.mentions("passphrase") || m.mentions("diceware"));
        values.put("length", String.valueOf(length));
        values.put("mode", words ? "words" : "chars");
    }

    @Override
    public boolean understands(PromptText clause) {
        return LENGTH.matcher(clause.original()).find() || clause.mentions("passphrase");
    }
}
