// Minimal WHIP (RFC 9725) and WHEP clients for the pages in this folder. No library: the point of
// these pages is to show the protocol working with nothing but a browser.
'use strict';

const Sfumato = (() => {
  const params = new URLSearchParams(location.search);

  function field(id) {
    const el = document.getElementById(id);
    if (el && params.get(id)) el.value = params.get(id);
    return el;
  }

  function log(msg) {
    const el = document.getElementById('log');
    if (el) el.textContent += new Date().toISOString().substring(11, 23) + ' ' + msg + '\n';
    console.log(msg);
  }

  // POSTs the offer; returns {answer, location, etag}. Throws with the server's message on error.
  async function exchange(endpoint, token, pc) {
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    // Sfumato is ICE-lite and learns our address from our checks: no need to wait for candidates.
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/sdp', Authorization: 'Bearer ' + token },
      body: pc.localDescription.sdp,
    });
    const body = await res.text();
    if (res.status !== 201) throw new Error(res.status + ' ' + body);
    const location = new URL(res.headers.get('Location'), endpoint).toString();
    await pc.setRemoteDescription({ type: 'answer', sdp: body });
    return { location, etag: res.headers.get('ETag') };
  }

  async function end(session, token) {
    if (!session) return;
    await fetch(session.location, { method: 'DELETE', headers: { Authorization: 'Bearer ' + token } });
  }

  function preferCodec(transceiver, mimeType) {
    if (!mimeType || !RTCRtpReceiver.getCapabilities) return;
    const codecs = RTCRtpReceiver.getCapabilities('video').codecs;
    const chosen = codecs.filter((c) => c.mimeType.toLowerCase() === mimeType.toLowerCase());
    const rest = codecs.filter((c) => /rtx|red|ulpfec/i.test(c.mimeType));
    if (chosen.length) transceiver.setCodecPreferences(chosen.concat(rest));
  }

  async function inboundStats(pc) {
    const out = { video: null, audio: null };
    (await pc.getStats()).forEach((s) => {
      if (s.type === 'inbound-rtp') {
        out[s.kind] = {
          packetsReceived: s.packetsReceived, packetsLost: s.packetsLost, jitter: s.jitter,
          framesDecoded: s.framesDecoded, frameWidth: s.frameWidth, frameHeight: s.frameHeight,
          bytesReceived: s.bytesReceived, totalSamplesReceived: s.totalSamplesReceived,
        };
      }
    });
    return out;
  }

  return { field, log, exchange, end, preferCodec, inboundStats };
})();
