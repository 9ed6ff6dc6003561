package io.kmsd.policy.condition;

/**
 * An IPv4 or IPv6 network (key-policy-semantics C8). A bare address is a /32 or /128; an address of the other
 * family never matches.
 */
public record Cidr(byte[] network, int prefix) {

    public Cidr {
        if (network == null || (network.length != 4 && network.length != 16)) {
            throw new IllegalArgumentException("network must be 4 or 16 bytes");
        }
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("prefix out of range");
        }
        network = network.clone();
    }

    /** Parses {@code 203.0.113.0/24}, {@code 2001:db8::/32} or a bare address; null if malformed. */
    public static Cidr parse(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        byte[] addr = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
        if (addr == null) {
            return null;
        }
        if (slash < 0) {
            return new Cidr(addr, addr.length * 8);
        }
        String bits = text.substring(slash + 1);
        if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int prefix = Integer.parseInt(bits);
        return prefix > addr.length * 8 ? null : new Cidr(addr, prefix);
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && java.util.Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
        return "Cidr[" + network.length * 8 + "-bit /" + prefix + "]";
    }
}
