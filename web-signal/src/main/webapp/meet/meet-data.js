/*
 * Sfumato meet: data messages (publishData, RPC, text streams) and a small chat box, on the
 * public livekit-client API. meet.js merges MeetData.api into window.meet and calls attach(room)
 * for every room it creates; each join starts with empty logs.
 *
 * Test-facing API (window.meet.*):
 *
 *   publishData(data, {reliable = true, topic, destinationIdentities, base64 = false})
 *       -> Promise<{bytes}>   data: a string (sent as UTF-8; base64 text when base64 is true),
 *       a Uint8Array or an array of byte values. Lossy when reliable is false.
 *   received(topic) -> {count, entries: [{from, topic, kind, size, hash, head, text}]}
 *       every DataReceived since the join or clearReceived(), oldest first; only `topic` when it
 *       is given. from: the sender's identity, '' when the server sent it. kind: 'reliable' or
 *       'lossy'. hash: FNV-1a 32 of the payload bytes, 8 hex digits. head: the first 32
 *       characters of the payload as UTF-8. text: the whole payload as UTF-8 up to 1024 bytes,
 *       else null.
 *   clearReceived()
 *   registerRpcEcho(method)   the local participant answers `method` with the request's payload
 *   rpcInvocations() -> [{method, caller, payload}]   what the echo methods were called with
 *   performRpc(destinationIdentity, method, payload, responseTimeoutMs = 10000)
 *       -> Promise<{response} | {error, code}>   never rejects for an RPC error
 *   sendText(text, {topic, destinationIdentities}) -> Promise<{id, size}>   a text data stream
 *   registerTextStreamHandler(topic)   logs the text streams of `topic` (lk.chat is always logged)
 *   textStreams(topic) -> {count, entries: [{from, topic, id, size, hash, text}]}
 *   dataInfo() -> {subscriberPrimary, publisherReliable, subscriberReliable}
 *       subscriberPrimary: what the join response said (v0: data arrives on the subscriber
 *       connection when true); the others: readyState of the SDK's reliable channel on each
 *       connection, or null. Read from the SDK's engine, not from a public API.
 */
'use strict';

window.MeetData = (() => {
  const LK = window.LivekitClient;
  const CHAT_TOPIC = 'lk.chat';
  const TEXT_LIMIT = 1024;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  let room = null;
  let received = [];
  let streams = [];
  let invocations = [];
  let streamTopics = new Set();

  /** FNV-1a, 32 bits: cheap, and the tests compute the same over the bytes they expect. */
  function fnv1a(bytes) {
    let h = 0x811c9dc5;
    for (let i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193);
    }
    return (h >>> 0).toString(16).padStart(8, '0');
  }

  function toBytes(data, base64) {
    if (data instanceof Uint8Array) return data;
    if (Array.isArray(data)) return Uint8Array.from(data);
    if (typeof data !== 'string') throw new Error('data must be a string, Uint8Array or array');
    if (!base64) return encoder.encode(data);
    return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  }

  function requireRoom() {
    if (!room) throw new Error('not connected');
    return room;
  }

  function filtered(log, topic) {
    const entries = topic == null ? log.slice() : log.filter((e) => e.topic === topic);
    return { count: entries.length, entries };
  }

  // ---- receiving ---------------------------------------------------------------------------

  function onData(payload, participant, kind, topic, encryptionType, participantIdentity) {
    const bytes = payload || new Uint8Array(0);
    received.push({
      from: participantIdentity || (participant && participant.identity) || '',
      topic: topic || null,
      kind: kind === LK.DataPacket_Kind.RELIABLE ? 'reliable' : 'lossy',
      size: bytes.length,
      hash: fnv1a(bytes),
      head: decoder.decode(bytes.subarray(0, 128)).slice(0, 32),
      text: bytes.length <= TEXT_LIMIT ? decoder.decode(bytes) : null,
    });
  }

  function registerTextStreamHandler(topic) {
    const r = requireRoom();
    if (streamTopics.has(topic)) return true;
    r.registerTextStreamHandler(topic, async (reader, participantInfo) => {
      const text = await reader.readAll();
      const bytes = encoder.encode(text);
      const entry = { from: participantInfo.identity, topic: reader.info.topic, id: reader.info.id,
        size: bytes.length, hash: fnv1a(bytes),
        text: bytes.length <= TEXT_LIMIT ? text : text.slice(0, 32) };
      streams.push(entry);
      if (entry.topic === CHAT_TOPIC) chatLine(entry.from, text);
    });
    streamTopics.add(topic);
    return true;
  }

  // ---- sending -----------------------------------------------------------------------------

  async function publishData(data, { reliable = true, topic, destinationIdentities,
    base64 = false } = {}) {
    const bytes = toBytes(data, base64);
    await requireRoom().localParticipant.publishData(bytes,
      { reliable, topic: topic || undefined, destinationIdentities });
    return { bytes: bytes.length };
  }

  async function sendText(text, { topic, destinationIdentities } = {}) {
    const info = await requireRoom().localParticipant.sendText(text,
      { topic: topic || undefined, destinationIdentities });
    return { id: info.id, size: info.size ?? encoder.encode(text).length };
  }

  // ---- RPC ---------------------------------------------------------------------------------

  function registerRpcEcho(method) {
    const r = requireRoom();
    // A second registration of the same method throws in the SDK; replacing it is what we mean.
    r.unregisterRpcMethod(method);
    r.registerRpcMethod(method, async (data) => {
      invocations.push({ method, caller: data.callerIdentity, payload: data.payload });
      return data.payload;
    });
    return true;
  }

  async function performRpc(destinationIdentity, method, payload, responseTimeoutMs = 10000) {
    try {
      const response = await requireRoom().localParticipant.performRpc(
        { destinationIdentity, method, payload, responseTimeout: responseTimeoutMs });
      return { response };
    } catch (e) {
      return { error: String(e && e.message || e), code: e && e.code !== undefined ? e.code : null };
    }
  }

  // ---- the chat box ------------------------------------------------------------------------

  function chatLine(who, text) {
    const line = document.createElement('li');
    const name = document.createElement('b');
    name.textContent = who + ': ';
    line.append(name, document.createTextNode(text));
    document.getElementById('chat-log').append(line);
  }

  function showChat(visible) {
    document.getElementById('chat').hidden = !visible;
    if (!visible) document.getElementById('chat-log').replaceChildren();
  }

  document.getElementById('chat-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = document.getElementById('chat-text');
    const text = input.value;
    if (!text || !room) return;
    const me = room.localParticipant.identity;
    sendText(text, { topic: CHAT_TOPIC }).then(() => {
      chatLine(me, text);
      input.value = '';
    }, (e) => chatLine('error', String(e && e.message || e)));
  });

  // ---- one room ----------------------------------------------------------------------------

  /** Called by meet.js for each new room, before it connects. */
  function attach(r) {
    room = r;
    received = [];
    streams = [];
    invocations = [];
    streamTopics = new Set();
    r.on(LK.RoomEvent.DataReceived, onData)
      .on(LK.RoomEvent.Connected, () => showChat(true))
      .on(LK.RoomEvent.Disconnected, () => {
        if (room === r) {
          room = null;
          showChat(false);
        }
      });
    registerTextStreamHandler(CHAT_TOPIC);
  }

  function dataInfo() {
    const engine = room && room.engine;
    if (!engine) return { subscriberPrimary: false, publisherReliable: null, subscriberReliable: null };
    const reliable = (sub) => {
      const dc = engine.dataChannelForKind(LK.DataPacket_Kind.RELIABLE, sub);
      return dc ? dc.readyState : null;
    };
    return { subscriberPrimary: !!engine.subscriberPrimary, publisherReliable: reliable(false),
      subscriberReliable: reliable(true) };
  }

  const api = {
    publishData,
    received: (topic) => filtered(received, topic),
    clearReceived: () => { received = []; },
    registerRpcEcho,
    rpcInvocations: () => invocations.slice(),
    performRpc,
    sendText,
    registerTextStreamHandler,
    textStreams: (topic) => filtered(streams, topic),
    dataInfo,
  };

  return { api, attach };
})();
