package dev.sfumato.rooms.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=candidate} (RFC 8839 §5.1):
 *
 * <pre>
 * candidate:&lt;foundation&gt; &lt;component&gt; &lt;transport&gt; &lt;priority&gt;
 *     &lt;address&gt; &lt;port&gt; typ &lt;type&gt; [raddr &lt;addr&gt;] [rport &lt;port&gt;]
 *     *(&lt;extension name&gt; &lt;extension value&gt;)
 * </pre>
 *
 * The address may be an IP literal, a host name or an mDNS ".local" name; resolving it is not this
 * class's business. {@code relatedAddress} is null and {@code relatedPort} -1 when absent.
 */
public record Candidate(
    String foundation,
    int component,
    String transport,
    long priority,
    String address,
    int port,
    String type,
    String relatedAddress,
    int relatedPort,
    List<Extension> extensions)
    implements Attribute {

  /** One extension name/value pair, e.g. "generation 0" or "tcptype active". */
  public record Extension(String name, String value) {
    public Extension {
      Tokens.requireToken(name, "candidate extension name");
      Tokens.requireWord(value, "candidate extension value");
    }
  }

  public Candidate {
    Tokens.requireIceChars(foundation, 32, "candidate foundation");
    if (component < 1 || component > 256) {
      throw new SdpException("candidate component " + component + " is out of range 1..256");
    }
    Tokens.requireToken(transport, "candidate transport");
    if (priority < 0 || priority > 0xFFFFFFFFL) {
      throw new SdpException("candidate priority is out of range 0..2^32-1");
    }
    Tokens.requireWord(address, "candidate address");
    checkPort(port, "candidate port");
    Tokens.requireToken(type, "candidate type");
    if (relatedAddress != null) {
      Tokens.requireWord(relatedAddress, "candidate raddr");
    }
    if (relatedPort != -1) {
      checkPort(relatedPort, "candidate rport");
    }
    extensions = List.copyOf(extensions);
  }

  private static void checkPort(int port, String what) {
    if (port < 0 || port > 65535) {
      throw new SdpException(what + " " + port + " is out of range 0..65535");
    }
  }

  static Candidate parse(String value) {
    List<String> f = Tokens.fields(value);
    if (f.size() < 8 || !"typ".equals(f.get(6))) {
      throw new SdpException(
          "a=candidate must be '<foundation> <component> <transport> <priority> <address> <port>"
              + " typ <type> ...'");
    }
    int component = Tokens.parseInt(f.get(1), 1, 256, "candidate component");
    long priority = Tokens.parseLong(f.get(3), 0, 0xFFFFFFFFL, "candidate priority");
    int port = Tokens.parseInt(f.get(5), 0, 65535, "candidate port");
    int i = 8;
    String raddr = null;
    int rport = -1;
    if (i + 1 < f.size() && "raddr".equals(f.get(i))) {
      raddr = f.get(i + 1);
      i += 2;
    }
    if (i + 1 < f.size() && "rport".equals(f.get(i))) {
      rport = Tokens.parseInt(f.get(i + 1), 0, 65535, "candidate rport");
      i += 2;
    }
    if ((f.size() - i) % 2 != 0) {
      throw new SdpException("a=candidate extensions must be name/value pairs");
    }
    List<Extension> ext = new ArrayList<>();
    for (; i < f.size(); i += 2) {
      ext.add(new Extension(f.get(i), f.get(i + 1)));
    }
    return new Candidate(
        f.get(0), component, f.get(2), priority, f.get(4), port, f.get(7), raddr, rport, ext);
  }

  @Override
  public String attributeName() {
    return "candidate";
  }

  @Override
  public String attributeValue() {
    StringBuilder b =
        new StringBuilder(96)
            .append(foundation)
            .append(' ')
            .append(component)
            .append(' ')
            .append(transport)
            .append(' ')
            .append(priority)
            .append(' ')
            .append(address)
            .append(' ')
            .append(port)
            .append(" typ ")
            .append(type);
    if (relatedAddress != null) {
      b.append(" raddr ").append(relatedAddress);
    }
    if (relatedPort != -1) {
      b.append(" rport ").append(relatedPort);
    }
    extensions.forEach(e -> b.append(' ').append(e.name()).append(' ').append(e.value()));
    return b.toString();
  }
}
