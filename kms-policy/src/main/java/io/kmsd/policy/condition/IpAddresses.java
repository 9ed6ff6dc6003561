package io.kmsd.policy.condition;

/**
 * Strict parsing of IPv4 and IPv6 literals into bytes. No name resolution ever happens (unlike
 * {@code InetAddress.getByName}), so evaluating {@code aws:SourceIp} cannot block.
 */
final class IpAddresses {
    private IpAddresses() {
    }

    /** 4 or 16 bytes, or null if the text is not an address literal. */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
    }

    static byte[] parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    static byte[] parseV6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        byte[] h = groups(head);
        byte[] t = groups(tail);
        if (h == null || t == null) {
            return null;
        }
        int total = h.length + t.length;
        if (gap < 0 ? total != 16 : total > 14) {
            return null;
        }
        byte[] out = new byte[16];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(t, 0, out, 16 - t.length, t.length);
        return out;
    }

    /** Colon-separated hex groups, the last of which may be a dotted IPv4 address. */
    private static byte[] groups(String part) {
        if (part.isEmpty()) {
            return new byte[0];
        }
        String[] gs = part.split(":", -1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < gs.length; i++) {
            String g = gs[i];
            if (i == gs.length - 1 && g.indexOf('.') >= 0) {
                byte[] v4 = parseV4(g);
                if (v4 == null) {
                    return null;
                }
                out.writeBytes(v4);
            } else if (!g.isEmpty() && g.length() <= 4 && g.chars().allMatch(IpAddresses::isHex)) {
                int v = Integer.parseInt(g, 16);
                out.write(v >> 8);
                out.write(v & 0xff);
            } else {
                return null;
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(int c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }
}
