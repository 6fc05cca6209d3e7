/**
 * STUN, RFC 8489, as zero-copy views for the ICE-lite responder: {@link
 * dev.sfumato.engine.stun.StunMessage} reads a datagram in place, {@link
 * dev.sfumato.engine.stun.StunWriter} builds one into a caller's buffer.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Only what an ICE-lite agent needs: the Binding method, USERNAME, MESSAGE-INTEGRITY
 *       (short-term credentials, §9.1), FINGERPRINT, XOR-MAPPED-ADDRESS, ERROR-CODE, and the RFC
 *       8445 §16.1 attributes. No long-term credentials, no MESSAGE-INTEGRITY-SHA256: ICE checks do
 *       not use them.
 *   <li>A malformed datagram is reported as a {@link dev.sfumato.engine.stun.StunDrop}, never as an
 *       exception.
 *   <li>HMAC-SHA1 is RFC 2104 over the JCE's SHA-1 {@link java.security.MessageDigest}, not {@link
 *       javax.crypto.Mac}: on JDK 17 {@code Mac.doFinal(byte[], int)} allocates its result (40 B
 *       per call, measured), a {@code MessageDigest} digesting into our own scratch does not. Same
 *       four SHA-1 compressions per MAC; RFC 2202 and RFC 5769 vectors test it.
 *   <li>Instances are confined to one worker thread (they hold scratch state).
 * </ul>
 */
package dev.sfumato.engine.stun;
