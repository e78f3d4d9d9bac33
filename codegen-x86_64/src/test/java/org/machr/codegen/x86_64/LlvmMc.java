package org.machr.codegen.x86_64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code llvm-mc -show-encoding} on many instruction lines in one process and splits the answer per
 * input line: the text llvm-mc prints, the encoding (fixup bytes as -1), or the error it reports.
 */
final class LlvmMc {

    /** One input line's answer; {@code error} is null when llvm-mc accepted the line. */
    record Line(String printed, int[] encoding, String error) {
        boolean matches(byte[] bytes) {
            if (encoding == null || encoding.length != bytes.length) return false;
            for (int i = 0; i < bytes.length; i++) {
                if (encoding[i] >= 0 && encoding[i] != (bytes[i] & 0xFF)) return false;
            }
            return true;
        }

        String encodingHex() {
            if (encoding == null) return "(none)";
            StringBuilder sb = new StringBuilder();
            for (int b : encoding) sb.append(b < 0 ? "__" : String.format("%02x", b));
            return sb.toString();
        }
    }

    private static final Pattern ERROR = Pattern.compile("<stdin>:(\\d+):\\d+: error: (.*)");

    private LlvmMc() {}

    /** Encodes {@code lines} (one instruction each), with {@code .code32} first when {@code mode} says so. */
    static List<Line> encode(List<String> lines, X64Mode mode) {
        StringBuilder in = new StringBuilder();
        int header = 0;
        if (mode == X64Mode.BITS32) {
            in.append(".code32\n");
            header = 1;
        }
        for (String l : lines) in.append(l).append('\n');
        ExternalTool.Result r = ExternalTool.run(in.toString(), "llvm-mc", "-triple=x86_64", "-show-encoding");
        String[] errors = new String[lines.size()];
        for (String e : r.stderr().split("\n")) {
            Matcher m = ERROR.matcher(e);
            if (m.matches()) {
                int idx = Integer.parseInt(m.group(1)) - 1 - header;
                if (idx >= 0 && idx < errors.length) errors[idx] = m.group(2);
            }
        }
        List<String> encoded = new ArrayList<>();
        for (String o : r.stdout().split("\n")) {
            if (o.contains("# encoding:")) encoded.add(o);
        }
        List<Line> result = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (errors[i] != null) {
                result.add(new Line(null, null, errors[i]));
                continue;
            }
            if (next >= encoded.size()) {
                result.add(new Line(null, null, "llvm-mc printed nothing for this line"));
                continue;
            }
            String o = encoded.get(next++);
            int hash = o.indexOf("# encoding:");
            String printed = o.substring(0, hash).strip().replaceAll("\\s+", " ");
            String list = o.substring(o.indexOf('[', hash) + 1, o.indexOf(']', hash));
            int[] enc = Arrays.stream(list.split(",")).map(String::strip)
                    .mapToInt(t -> t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : -1).toArray();
            result.add(new Line(printed, enc, null));
        }
        return result;
    }
}
