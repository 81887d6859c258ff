package ai.spawn.generation.blueprint;

import java.util.Locale;

/**
 * The colours an app is themed with, all as {@code #rrggbb}.
 *
 * @param accent   buttons, links, highlights
 * @param accent2  second colour for gradients (the second colour named, else a darker accent)
 * @param onAccent readable text on {@code accent} (white or near-black, by WCAG contrast)
 * @param dark     whether a dark theme was asked for
 */
record Palette(String accent, String accent2, String onAccent, boolean dark) {

    /** A palette from an accent, optionally a second colour ({@code null} derives one). */
    static Palette of(String accent, String second, boolean dark) {
        String a = accent.toLowerCase(Locale.ROOT);
        String b = second == null ? mix(a, "#000000", 0.28) : second.toLowerCase(Locale.ROOT);
        return new Palette(a, b, contrast(a, "#ffffff") >= 4.5 ? "#ffffff" : "#111827", dark);
    }

    /** {@code a} moved towards {@code b} by {@code amount} (0..1). */
    static String mix(String a, String b, double amount) {
        int[] x = rgb(a);
        int[] y = rgb(b);
        StringBuilder out = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            int v = (int) Math.round(x[i] + (y[i] - x[i]) * amount);
            out.append(String.format(Locale.ROOT, "%02x", Math.max(0, Math.min(255, v))));
        }
        return out.toString();
    }

    /** WCAG contrast ratio of two colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int[] c = rgb(hex);
        double[] lin = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = c[i] / 255.0;
            lin[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    }

    private static int[] rgb(String hex) {
        String h = hex.substring(1);
        return new int[] {Integer.parseInt(h, 0, 2, 16), Integer.parseInt(h, 2, 4, 16), Integer.parseInt(h, 4, 6, 16)};
    }
}
