package dev.sfumato.rooms.sdp;

import java.util.List;

/**
 * One {@code a=} line (RFC 8866 §5.13): {@code a=<name>} for a property or {@code a=<name>:<value>}
 * for a value attribute. The attributes WebRTC needs are parsed into typed records; anything else
 * is kept as {@link Other} so that nothing an offer says is lost. Each record validates itself in
 * its constructor and {@link #attributeValue()} writes the canonical form that its {@code parse}
 * reads back unchanged.
 */
public sealed interface Attribute
    permits Attribute.Other,
        Attribute.Mid,
        Attribute.IceUfrag,
        Attribute.IcePwd,
        Attribute.IceOptions,
        Attribute.SctpPort,
        Attribute.MaxMessageSize,
        Flag,
        Direction,
        Setup,
        Group,
        Fingerprint,
        RtpMap,
        Fmtp,
        RtcpFb,
        ExtMap,
        Ssrc,
        SsrcGroup,
        Msid,
        Rid,
        Simulcast,
        Candidate {

  /** The attribute name, the text between {@code a=} and the colon. */
  String attributeName();

  /** The text after the colon, or {@code null} for a property attribute. */
  String attributeValue();

  /** An attribute this model does not interpret, kept verbatim. */
  record Other(String name, String value) implements Attribute {
    public Other {
      Tokens.requireToken(name, "attribute name");
      if (value != null) {
        Tokens.requireText(value, "a=" + name);
      }
    }

    @Override
    public String attributeName() {
      return name;
    }

    @Override
    public String attributeValue() {
      return value;
    }
  }

  /** {@code a=mid} (RFC 5888 §4, RFC 8843 §9.1): the identification-tag is a token. */
  record Mid(String id) implements Attribute {
    public Mid {
      Tokens.requireToken(id, "a=mid");
      if (id.length() > 256) {
        throw new SdpException("a=mid is longer than 256 characters");
      }
    }

    static Mid parse(String value) {
      return new Mid(value);
    }

    @Override
    public String attributeName() {
      return "mid";
    }

    @Override
    public String attributeValue() {
      return id;
    }
  }

  /** {@code a=ice-ufrag} (RFC 8839 §5.4); 4..256 ice-chars by the RFC, we accept 1..256. */
  record IceUfrag(String ufrag) implements Attribute {
    public IceUfrag {
      Tokens.requireIceChars(ufrag, 256, "a=ice-ufrag");
    }

    @Override
    public String attributeName() {
      return "ice-ufrag";
    }

    @Override
    public String attributeValue() {
      return ufrag;
    }
  }

  /** {@code a=ice-pwd} (RFC 8839 §5.4); 22..256 ice-chars by the RFC, we accept 1..256. */
  record IcePwd(String pwd) implements Attribute {
    public IcePwd {
      Tokens.requireIceChars(pwd, 256, "a=ice-pwd");
    }

    @Override
    public String attributeName() {
      return "ice-pwd";
    }

    @Override
    public String attributeValue() {
      return pwd;
    }
  }

  /** {@code a=ice-options} (RFC 8839 §5.6): one or more option tags, e.g. "trickle ice2". */
  record IceOptions(List<String> options) implements Attribute {
    public IceOptions {
      options = List.copyOf(options);
      if (options.isEmpty()) {
        throw new SdpException("a=ice-options needs at least one option");
      }
      // libdatachannel writes "ice2,trickle" (commas, not the RFC's spaces): keep it as written.
      options.forEach(o -> Tokens.requireWord(o, "a=ice-options"));
    }

    /** Whether {@code option} is listed, reading comma-joined lists too. */
    public boolean has(String option) {
      for (String o : options) {
        for (String part : o.split(",")) {
          if (part.equals(option)) {
            return true;
          }
        }
      }
      return false;
    }

    static IceOptions parse(String value) {
      return new IceOptions(Tokens.fields(value));
    }

    @Override
    public String attributeName() {
      return "ice-options";
    }

    @Override
    public String attributeValue() {
      return String.join(" ", options);
    }
  }

  /** {@code a=sctp-port} (RFC 8841 §5): the SCTP port inside the DTLS association. */
  record SctpPort(int port) implements Attribute {
    public SctpPort {
      if (port < 0 || port > 65535) {
        throw new SdpException("a=sctp-port " + port + " is out of range 0..65535");
      }
    }

    static SctpPort parse(String value) {
      return new SctpPort(Tokens.parseInt(value, 0, 65535, "a=sctp-port"));
    }

    @Override
    public String attributeName() {
      return "sctp-port";
    }

    @Override
    public String attributeValue() {
      return Integer.toString(port);
    }
  }

  /** {@code a=max-message-size} (RFC 8841 §6), in bytes; 0 means "no limit". */
  record MaxMessageSize(long bytes) implements Attribute {
    public MaxMessageSize {
      if (bytes < 0) {
        throw new SdpException("a=max-message-size is negative");
      }
    }

    static MaxMessageSize parse(String value) {
      return new MaxMessageSize(Tokens.parseLong(value, 0, Long.MAX_VALUE, "a=max-message-size"));
    }

    @Override
    public String attributeName() {
      return "max-message-size";
    }

    @Override
    public String attributeValue() {
      return Long.toString(bytes);
    }
  }
}
