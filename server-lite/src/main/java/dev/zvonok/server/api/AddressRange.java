package dev.zvonok.server.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One IP address or a CIDR range of them, as settings name them: {@code 127.0.0.1}, {@code 10.0.0.0/8},
 * {@code ::1}, {@code fd00::/8}. Only literals: a host name would make every request wait for DNS, and trust follow
 * whoever controls the name.
 */
public record AddressRange(InetAddress network, int prefixLength) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public AddressRange {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix /" + prefixLength + " out of range for " + network);
        }
    }

    /** @throws IllegalArgumentException for anything but an IP literal with an optional {@code /prefix} */
    public static AddressRange parse(String text) {
        String value = text == null ? "" : text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        InetAddress network = literal(address).orElseThrow(() ->
                new IllegalArgumentException("not an IP address or range: '" + text + "'"));
        int bits = network.getAddress().length * 8;
        if (slash < 0) {
            return new AddressRange(network, bits);
        }
        try {
            return new AddressRange(network, Integer.parseInt(value.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an IP address or range: '" + text + "'", e);
        }
    }

    /**
     * The address an IP literal names (IPv6 with or without brackets, an IPv4-mapped one as IPv4), without asking
     * DNS; empty for anything else, a host name included.
     */
    public static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            // a literal of these shapes is parsed, never looked up
            return Optional.of(InetAddress.getByName(value));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] ours = network.getAddress();
        if (candidate.length != ours.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != ours[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[whole] & mask) == (ours[whole] & mask);
    }

    public static boolean anyContains(Collection<AddressRange> ranges, InetAddress address) {
        for (AddressRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** As it would be written in the settings. */
    @Override
    public String toString() {
        String address = network.getHostAddress();
        return prefixLength == network.getAddress().length * 8 ? address : address + "/" + prefixLength;
    }
}
