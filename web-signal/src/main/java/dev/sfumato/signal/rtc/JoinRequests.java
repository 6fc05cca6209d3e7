package dev.sfumato.signal.rtc;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import livekit.LivekitRtc.JoinRequest;
import livekit.LivekitRtc.WrappedJoinRequest;

/**
 * Protocol v1's {@code join_request} query parameter: base64url of a {@code WrappedJoinRequest}
 * whose {@code join_request} bytes are a {@code JoinRequest}, gzip-compressed or not. The
 * decompressed size is capped so a small parameter cannot inflate into a large allocation.
 */
final class JoinRequests {
  static final int MAX_JOIN_REQUEST_BYTES = 256 * 1024;

  private JoinRequests() {}

  static JoinRequest decode(String parameter) throws IOException {
    if (parameter == null || parameter.isEmpty()) {
      return JoinRequest.getDefaultInstance();
    }
    byte[] wrapped;
    try {
      wrapped = Base64.getUrlDecoder().decode(parameter.trim());
    } catch (IllegalArgumentException e) {
      throw new IOException("join_request is not base64url", e);
    }
    WrappedJoinRequest w = WrappedJoinRequest.parseFrom(wrapped);
    byte[] bytes = w.getJoinRequest().toByteArray();
    if (w.getCompression() == WrappedJoinRequest.Compression.GZIP) {
      bytes = gunzip(bytes);
    } else if (w.getCompression() != WrappedJoinRequest.Compression.NONE) {
      throw new IOException("unknown join_request compression " + w.getCompressionValue());
    }
    try {
      return JoinRequest.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException("join_request is not a JoinRequest", e);
    }
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      byte[] out = in.readNBytes(MAX_JOIN_REQUEST_BYTES + 1);
      if (out.length > MAX_JOIN_REQUEST_BYTES) {
        throw new IOException("join_request is larger than " + MAX_JOIN_REQUEST_BYTES + " bytes");
      }
      return out;
    }
  }
}
