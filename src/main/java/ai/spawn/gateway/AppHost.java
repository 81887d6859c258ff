package ai.spawn.gateway;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An app's origin host, {@code {port}-{appId}.{domain}}, as parsed from a {@code Host} header.
 *
 * @param port  the app's port inside its sandbox, 1–65535
 * @param appId the app's id: lowercase letters and digits
 */
record AppHost(int port, String appId) {

    /** One DNS label: a port without leading zeros, a dash, the id. */
    private static final Pattern LABEL = Pattern.compile("([1-9][0-9]{0,4})-([a-z0-9]+)");
    private static final Pattern APP_ID = Pattern.compile("[a-z0-9]+");
    private static final int MAX_LABEL = 63;

    /**
     * Parses a {@code Host} header value (an optional {@code :port} suffix, a trailing dot and letter case are
     * ignored). Empty for anything that is not exactly one app label directly under {@code domain}.
     */
    static Optional<AppHost> parse(String host, String domain) {
        if (host == null) {
            return Optional.empty();
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon >= 0) {
            String listenerPort = name.substring(colon + 1);
            boolean digits = !listenerPort.isEmpty() && listenerPort.chars().allMatch(Character::isDigit);
            if (!digits || listenerPort.length() > 5) {
                return Optional.empty();
            }
            name = name.substring(0, colon);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        String suffix = "." + domain;
        if (!name.endsWith(suffix)) {
            return Optional.empty();
        }
        String label = name.substring(0, name.length() - suffix.length());
        if (label.length() > MAX_LABEL) {
            return Optional.empty();
        }
        Matcher matcher = LABEL.matcher(label);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int port = Integer.parseInt(matcher.group(1));
        return port > 65535 ? Optional.empty() : Optional.of(new AppHost(port, matcher.group(2)));
    }

    static boolean isValidAppId(String appId) {
        return appId != null && APP_ID.matcher(appId).matches() && appId.length() <= MAX_LABEL - 6;
    }
}
