package dev.sfumato.engine.forward;

import dev.sfumato.engine.api.RtpCodecParameters;
import dev.sfumato.engine.api.RtpHeaderExtensionParameters;
import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.engine.rtp.HeaderExtensionIds;
import java.util.Arrays;

/**
 * What a consumer rewrites, resolved once on the control plane into tables the forwarding path
 * indexes: producer payload type → subscriber payload type (codecs matched by MIME type and clock
 * rate), subscriber media payload type → its RTX payload type (RFC 4588 {@code apt}), and producer
 * header extension id → subscriber id, 0 meaning "strip" (RFC 8285: a receiver must not see an id
 * it did not negotiate). mid, rid and repaired-rid are always stripped: their values name the
 * publisher's m-line and layers, the subscriber knows the stream by its SSRC.
 */
final class ConsumerMapping {

  final int[] payloadTypes = new int[128];
  final int[] rtxPayloadTypes = new int[128];
  final int[] extensionIds = new int[256];
  final int clockRate;

  /**
   * @throws IllegalArgumentException if no codec is common to both sides
   */
  ConsumerMapping(RtpParameters producer, RtpParameters consumer) {
    Arrays.fill(payloadTypes, -1);
    Arrays.fill(rtxPayloadTypes, -1);
    int rate = 0;
    for (RtpCodecParameters theirs : consumer.codecs()) {
      if (theirs.isRtx()) {
        rtxPayloadTypes[Producer.aptOf(theirs)] = theirs.payloadType();
        continue;
      }
      for (RtpCodecParameters ours : producer.codecs()) {
        if (!ours.isRtx()
            && ours.mimeType().equalsIgnoreCase(theirs.mimeType())
            && ours.clockRate() == theirs.clockRate()
            && payloadTypes[ours.payloadType()] < 0) {
          payloadTypes[ours.payloadType()] = theirs.payloadType();
          rate = rate == 0 ? ours.clockRate() : rate;
        }
      }
    }
    if (rate == 0) {
      throw new IllegalArgumentException("no codec of the consumer matches the producer's");
    }
    this.clockRate = rate;
    for (RtpHeaderExtensionParameters ext : producer.headerExtensions()) {
      String uri = ext.uri();
      boolean stripped =
          uri.equals(HeaderExtensionIds.MID)
              || uri.equals(HeaderExtensionIds.RID)
              || uri.equals(HeaderExtensionIds.REPAIRED_RID);
      extensionIds[ext.id()] = stripped ? 0 : consumer.extensionId(uri);
    }
  }
}
