package dev.sfumato.rooms.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=simulcast} (RFC 8853 §5.1): {@code send <streams>} and/or {@code recv <streams>}, where
 * streams are separated by ';', each stream is a list of alternative rids separated by ',' and a
 * rid prefixed by '~' starts paused. Example: {@code a=simulcast:send q;h;~f}.
 */
public record Simulcast(List<List<Stream>> send, List<List<Stream>> recv) implements Attribute {
  /** One rid of a simulcast stream and whether it starts paused ('~'). */
  public record Stream(String rid, boolean paused) {
    public Stream {
      Rid.checkId(rid);
    }

    @Override
    public String toString() {
      return paused ? "~" + rid : rid;
    }
  }

  public Simulcast {
    send = copy(send);
    recv = copy(recv);
    if (send.isEmpty() && recv.isEmpty()) {
      throw new SdpException("a=simulcast needs send or recv streams");
    }
  }

  private static List<List<Stream>> copy(List<List<Stream>> streams) {
    List<List<Stream>> out = new ArrayList<>();
    for (List<Stream> alternatives : streams) {
      if (alternatives.isEmpty()) {
        throw new SdpException("a=simulcast has an empty stream");
      }
      out.add(List.copyOf(alternatives));
    }
    return List.copyOf(out);
  }

  static Simulcast parse(String value) {
    List<String> f = Tokens.fields(value);
    if (f.size() != 2 && f.size() != 4) {
      throw new SdpException("a=simulcast must be 'send <streams>' and/or 'recv <streams>'");
    }
    List<List<Stream>> send = List.of();
    List<List<Stream>> recv = List.of();
    for (int i = 0; i < f.size(); i += 2) {
      List<List<Stream>> streams = parseStreams(f.get(i + 1));
      switch (f.get(i)) {
        case "send" -> {
          if (!send.isEmpty()) {
            throw new SdpException("a=simulcast has send twice");
          }
          send = streams;
        }
        case "recv" -> {
          if (!recv.isEmpty()) {
            throw new SdpException("a=simulcast has recv twice");
          }
          recv = streams;
        }
        default -> throw new SdpException("a=simulcast direction must be send or recv");
      }
    }
    return new Simulcast(send, recv);
  }

  private static List<List<Stream>> parseStreams(String list) {
    List<List<Stream>> streams = new ArrayList<>();
    for (String stream : list.split(";", -1)) {
      List<Stream> alternatives = new ArrayList<>();
      for (String alt : stream.split(",", -1)) {
        boolean paused = alt.startsWith("~");
        alternatives.add(new Stream(paused ? alt.substring(1) : alt, paused));
      }
      streams.add(alternatives);
    }
    return streams;
  }

  /** Every rid named on the send side, in order. */
  public List<String> sendRids() {
    return rids(send);
  }

  /** Every rid named on the receive side, in order. */
  public List<String> recvRids() {
    return rids(recv);
  }

  private static List<String> rids(List<List<Stream>> streams) {
    List<String> out = new ArrayList<>();
    streams.forEach(alts -> alts.forEach(s -> out.add(s.rid())));
    return out;
  }

  private static String format(List<List<Stream>> streams) {
    List<String> parts = new ArrayList<>();
    for (List<Stream> alts : streams) {
      parts.add(String.join(",", alts.stream().map(Stream::toString).toList()));
    }
    return String.join(";", parts);
  }

  @Override
  public String attributeName() {
    return "simulcast";
  }

  @Override
  public String attributeValue() {
    if (recv.isEmpty()) {
      return "send " + format(send);
    }
    if (send.isEmpty()) {
      return "recv " + format(recv);
    }
    return "send " + format(send) + " recv " + format(recv);
  }
}
