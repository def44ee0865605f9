package org.skyshard.tap;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which hosts the service may fetch an UPLOAD by URL from, so that a user cannot make it reach
 * what only it can reach (server-side request forgery: cloud metadata at 169.254.169.254, admin
 * ports on localhost, the private network).
 *
 * <p>With no patterns, a URL is fetched only when every address its host resolves to is public:
 * not loopback, unspecified, link-local, private (RFC 1918, IPv6 unique-local, carrier-grade
 * NAT), multicast or broadcast. With patterns, only a host matching one is fetched, whatever its
 * addresses: {@code data.example.org} (that name), {@code *.example.org} (its sub-domains), an
 * IP address, or a CIDR block such as {@code 10.1.0.0/16} (every resolved address inside it).
 */
public final class UploadUrlPolicy {
  private static final Pattern HOST_NAME = Pattern.compile(
      "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[?[0-9a-f]*:[0-9a-f:.]*\\]?");

  private final List<String> names;
  private final List<Block> blocks;

  private UploadUrlPolicy(List<String> names, List<Block> blocks) {
    this.names = names;
    this.blocks = blocks;
  }

  /**
   * The policy of {@code patterns}; an empty list means public addresses only.
   *
   * @throws IllegalArgumentException naming a pattern that is neither a host name, a
   *     {@code *.domain}, an IP address nor a CIDR block
   */
  public static UploadUrlPolicy of(List<String> patterns) {
    List<String> names = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    for (String raw : patterns) {
      String p = raw.strip().toLowerCase(Locale.ROOT);
      int slash = p.indexOf('/');
      String address = slash < 0 ? p : p.substring(0, slash);
      if (IPV4.matcher(address).matches() || IPV6.matcher(address).matches()) {
        blocks.add(Block.parse(raw, address.replace("[", "").replace("]", ""),
            slash < 0 ? null : p.substring(slash + 1)));
      } else if (slash < 0 && HOST_NAME.matcher(p).matches()) {
        names.add(p);
      } else {
        throw new IllegalArgumentException("upload host pattern '" + raw + "' is neither a host"
            + " name, *.domain, an IP address nor a CIDR block");
      }
    }
    return new UploadUrlPolicy(List.copyOf(names), List.copyOf(blocks));
  }

  /** Whether this is the default policy (public addresses only). */
  public boolean publicOnly() {
    return names.isEmpty() && blocks.isEmpty();
  }

  /**
   * Checks the host of a URL about to be fetched for upload {@code name}, resolving it.
   *
   * @throws UsageException saying which upload is refused and why
   */
  public void check(String name, String url, String host) {
    if (host == null || host.isEmpty()) {
      throw Messages.uploadUrlRefused(name, url, "it names no host");
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    for (String n : names) {
      if (n.startsWith("*.") ? h.endsWith(n.substring(1)) : h.equals(n)) {
        return;
      }
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(h);
    } catch (UnknownHostException e) {
      throw Messages.uploadUrlRefused(name, url, "host " + host + " is unknown");
    }
    if (publicOnly()) {
      for (InetAddress a : addresses) {
        String kind = nonPublicKind(a);
        if (kind != null) {
          throw Messages.uploadUrlRefused(name, url, "host " + host + " is "
              + a.getHostAddress() + ", " + kind + " address; the service fetches uploads only"
              + " from public addresses unless its operator lists the host (serve --upload-hosts)");
        }
      }
      return;
    }
    for (InetAddress a : addresses) {
      if (blocks.stream().noneMatch(b -> b.contains(a))) {
        throw Messages.uploadUrlRefused(name, url, "host " + host + " is not among the hosts"
            + " this service fetches uploads from");
      }
    }
  }

  /** Why an address is not public ("a loopback"), or null when it is. */
  static String nonPublicKind(InetAddress a) {
    byte[] b = a.getAddress();
    if (a.isLoopbackAddress()) {
      return "a loopback";
    } else if (a.isAnyLocalAddress()) {
      return "an unspecified";
    } else if (a.isLinkLocalAddress()) {
      return "a link-local";
    } else if (a.isMulticastAddress()) {
      return "a multicast";
    } else if (a.isSiteLocalAddress()) {
      return "a private";
    } else if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 100 && second >= 64 && second < 128) {
        return "a private (carrier-grade NAT)";
      } else if (first == 0 || first >= 240) {
        return "a reserved";
      }
    } else if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
      return "a private (unique-local)";
    }
    return null;
  }

  /** An address block. */
  private record Block(byte[] network, int bits) {
    static Block parse(String raw, String address, String bitsText) {
      byte[] net;
      try {
        net = InetAddress.getByName(address).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("upload host pattern '" + raw + "': bad address");
      }
      int bits = net.length * 8;
      if (bitsText != null) {
        try {
          bits = Integer.parseInt(bitsText);
        } catch (NumberFormatException e) {
          bits = -1;
        }
        if (bits < 0 || bits > net.length * 8) {
          throw new IllegalArgumentException("upload host pattern '" + raw
              + "': the prefix length must be 0 to " + net.length * 8);
        }
      }
      return new Block(net, bits);
    }

    boolean contains(InetAddress a) {
      byte[] x = a.getAddress();
      if (x.length != network.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((x[i / 8] & mask) != (network[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
