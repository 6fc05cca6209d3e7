/**
 * RTCP (RFC 3550 §6) as in-place readers and allocation-free writers: {@link
 * dev.sfumato.engine.rtcp.RtcpCompound} walks a compound datagram and checks every length; one
 * class per message (SR, RR, SDES, BYE, generic NACK, PLI, FIR, REMB, transport-cc feedback) reads
 * a sub-packet at the offset the walk returned and writes one into a caller's buffer, returning the
 * length or -1 if it does not fit. {@link dev.sfumato.engine.rtcp.RtcpMux} tells RTCP from RTP on a
 * muxed port (RFC 5761 §4).
 *
 * <p>Decisions: a malformed sub-packet is a {@link dev.sfumato.engine.rtcp.RtcpStatus} drop, never
 * an exception; each message's {@code validate} must pass before its accessors are used; report
 * blocks and transport-cc statuses are decoded into holders the caller preallocates. Transport-cc
 * feedback is read-only for now (the SFU consumes it; generating it comes with the bandwidth
 * estimator).
 */
package dev.sfumato.engine.rtcp;
