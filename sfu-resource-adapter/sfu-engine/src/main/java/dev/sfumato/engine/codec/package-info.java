/**
 * Looks into codec payloads just far enough to forward them well: {@link
 * dev.sfumato.engine.codec.KeyframeDetector} for VP8 (RFC 7741), VP9 (RFC 9628), H.264 (RFC 6184)
 * and AV1 (AOM RTP payload format §4.4), and {@link dev.sfumato.engine.codec.Vp8PayloadDescriptor}
 * with the offsets a simulcast consumer rewrites in place.
 *
 * <p>Decisions: detection is static and allocation-free; a malformed payload is "not a keyframe".
 * H.264 counts an SPS as the start of a keyframe (encoders send SPS, PPS, IDR together); VP9 with
 * spatial layers counts only the base layer's start packet; VP8 also checks the key frame start
 * code.
 */
package dev.sfumato.engine.codec;
