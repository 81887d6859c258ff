package ai.spawn.validation;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.spawn.generation.AppBundle;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Hidden code.
 * <ul>
 * <li>{@code code.obfuscated} (BLOCK): decoded text fed straight into code ({@code eval(atob(...))},
 * {@code new Function(Buffer.from(..., 'base64')...)}, {@code exec(base64.b64decode(...))},
 * {@code exec(zlib.decompress(...))}), machine-obfuscated JavaScript ({@code _0x1a2b} names in bulk, JSFuck).</li>
 * <li>{@code code.encoded-blob} (WARN): a single base64/hex token, or a long run of backslash-x/backslash-u escapes, longer
 * than {@link ValidationProperties#maxEncodedBlob()} in any file; images and fonts in {@code data:} URLs are fine.</li>
 * </ul>
 * Stateless and thread-safe.
 */
@Component
@Order(12)
class ObfuscationRule implements ValidationRule {

    static final String OBFUSCATED = "code.obfuscated";
    static final String BLOB = "code.encoded-blob";

    private static final Pattern JS_DECODE_INTO_CODE = Pattern.compile(
            "(?<![\\w$.])(?:eval|(?:new\\s+)?Function|(?:window|globalThis|self|global)\\s*\\.\\s*eval"
                    + "|set(?:Timeout|Interval)|vm\\s*\\.\\s*runIn\\w*)\\s*\\(\\s*(?:atob|unescape|decodeURIComponent"
                    + "|decodeURI|String\\s*\\.\\s*fromCharCode|Buffer\\s*\\.\\s*from|new\\s+TextDecoder"
                    + "|(?:[\\w$]+\\s*\\.\\s*)?(?:inflate|gunzip|unzip|decompress|brotliDecompress)\\w*)\\s*\\(");
    private static final Pattern JS_OBFUSCATOR_NAME = Pattern.compile("\\b_0x[0-9a-fA-F]{4,}\\b");
    private static final int OBFUSCATOR_NAMES = 20;
    private static final Pattern JSFUCK = Pattern.compile("[\\[\\]()!+]++");
    private static final int JSFUCK_RUN = 200;
    private static final Pattern PY_DECODE_INTO_CODE = Pattern.compile(
            "(?<![\\w.])(?:exec|eval|compile)\\s*\\(\\s*(?:base64|zlib|codecs|marshal|binascii|bz2|lzma|gzip"
                    + "|b64decode|b32decode|b16decode|a85decode|b85decode|decompress|unhexlify"
                    + "|bytes\\s*\\.\\s*fromhex|(?:''|\"\")\\s*\\.\\s*join\\s*\\("
                    + "|__import__\\s*\\(\\s*['\"](?:base64|zlib|codecs|marshal|binascii|bz2|lzma|gzip)['\"])");

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/_\\-]++={0,2}");
    private static final Pattern ESCAPES = Pattern.compile("(?:\\\\x[0-9A-Fa-f]{2}|\\\\u[0-9A-Fa-f]{4})++");
    private static final Pattern MEDIA_DATA_URL = Pattern.compile(
            "data:(?:image|font|audio|video|application/(?:font|x-font|vnd\\.ms-fontobject))[^;,\"'\\s]*;base64,$");

    private final CodeUnits units;
    private final long maxBlob;

    ObfuscationRule(CodeUnits units, ValidationProperties properties) {
        this.units = units;
        this.maxBlob = properties.maxEncodedBlob().toBytes();
    }

    @Override
    public List<Finding> check(AppBundle bundle) {
        Findings out = new Findings();
        for (CodeUnit unit : units.of(bundle)) {
            SourceText text = unit.text();
            String path = unit.path();
            if (unit.isScript()) {
                text.eachCodeMatch(JS_DECODE_INTO_CODE, m -> out.block(OBFUSCATED, path, text.line(m.start()),
                        "decodes hidden text and runs it as code; apps may not contain hidden code"));
                obfuscatorNames(unit, out);
                text.eachCodeMatch(JSFUCK, m -> {
                    if (m.end() - m.start() >= JSFUCK_RUN) {
                        out.block(OBFUSCATED, path, text.line(m.start()),
                                "contains code written only with []()!+ (JSFuck), a way to hide what it does");
                    }
                });
            } else if (unit.isPython()) {
                text.eachCodeMatch(PY_DECODE_INTO_CODE, m -> out.block(OBFUSCATED, path, text.line(m.start()),
                        "decodes hidden text and runs it as code; apps may not contain hidden code"));
            }
        }
        for (Map.Entry<String, String> file : bundle.files().entrySet()) {
            if (file.getValue() != null) {
                blobs(file.getKey(), file.getValue(), out);
            }
        }
        return out.list();
    }

    private static void obfuscatorNames(CodeUnit unit, Findings out) {
        SourceText text = unit.text();
        int[] count = {0, -1};
        text.eachCodeMatch(JS_OBFUSCATOR_NAME, m -> {
            if (count[0]++ == 0) {
                count[1] = m.start();
            }
        });
        if (count[0] >= OBFUSCATOR_NAMES) {
            out.block(OBFUSCATED, unit.path(), text.line(count[1]), "looks machine-obfuscated (" + count[0]
                    + " names like _0x1a2b); apps must be readable source");
        }
    }

    private void blobs(String path, String content, Findings out) {
        Matcher m = TOKEN.matcher(content);
        while (m.find()) {
            int length = m.end() - m.start();
            if (length > maxBlob && !isMediaDataUrl(content, m.start())) {
                out.warn(BLOB, path, lineOf(content, m.start()), "contains a " + kilobytes(length)
                        + " encoded blob (" + (isHex(content, m.start(), m.end()) ? "hex" : "base64")
                        + "); hidden code or data cannot be reviewed — ship readable source or a real asset file");
            }
        }
        Matcher e = ESCAPES.matcher(content);
        while (e.find()) {
            if (e.end() - e.start() > maxBlob) {
                out.warn(BLOB, path, lineOf(content, e.start()), "contains a " + kilobytes(e.end() - e.start())
                        + " run of \\x/\\u escapes; hidden code or data cannot be reviewed — ship readable source");
            }
        }
    }

    private static boolean isMediaDataUrl(String content, int tokenStart) {
        int from = Math.max(0, tokenStart - 120);
        return MEDIA_DATA_URL.matcher(content.substring(from, tokenStart)).find();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String kilobytes(int chars) {
        return chars >= 1024 ? (chars + 512) / 1024 + " KB" : chars + " byte";
    }

    static int lineOf(String s, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
