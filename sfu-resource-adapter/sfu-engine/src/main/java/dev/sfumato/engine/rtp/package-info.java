/**
 * RTP (RFC 3550 §5) as zero-copy views: {@link dev.sfumato.engine.rtp.RtpPacket} over {@code
 * (byte[], offset, length)}, RFC 8285 header extensions with parsers for the ones an SFU uses
 * (mid/rid, audio level, abs-send-time, transport-wide-cc), and RFC 4588 RTX wrap/unwrap in place.
 *
 * <p>Decisions: one view per worker, re-pointed per packet; {@code wrap} validates the layout once
 * and returns a {@link dev.sfumato.engine.rtp.RtpStatus} instead of throwing; 32-bit fields are
 * non-negative longs; extensions are rewritten or blanked to padding in place, never re-laid out
 * (adding an element a producer did not send needs headroom and is left to the forwarding code).
 */
package dev.sfumato.engine.rtp;
