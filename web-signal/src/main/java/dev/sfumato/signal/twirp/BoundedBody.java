package dev.sfumato.signal.twirp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body, refusing it as soon as it grows past the limit. */
final class BoundedBody {
  private BoundedBody() {}

  static byte[] read(InputStream in, int maxBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 8192));
    byte[] chunk = new byte[8192];
    try {
      int n;
      while ((n = in.read(chunk)) != -1) {
        if (out.size() + n > maxBytes) {
          throw new TwirpException(
              TwirpCode.MALFORMED, 413, "request body exceeds " + maxBytes + " bytes");
        }
        out.write(chunk, 0, n);
      }
    } catch (IOException e) {
      throw new TwirpException(TwirpCode.MALFORMED, "could not read the request body");
    }
    return out.toByteArray();
  }
}
