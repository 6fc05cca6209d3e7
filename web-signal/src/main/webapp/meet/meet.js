/*
 * Sfumato meet: a small LiveKit room page on the public livekit-client API (global LivekitClient).
 *
 * Test-facing API, also handy from the browser console:
 *
 *   window.meet.join(url, token, {singlePeerConnection = true}) -> Promise<state()>
 *       Connects a new Room (adaptiveStream and dynacast off, autoSubscribe on). true selects
 *       protocol v1 (/rtc/v1, one peer connection), false protocol v0 (/rtc, two). Rejects with an
 *       Error whose message is state().error, e.g. "not allowed (401): ...".
 *   window.meet.publish() -> Promise     camera and microphone (enableCameraAndMicrophone)
 *   window.meet.setMicMuted(muted) -> Promise
 *   window.meet.setCameraEnabled(enabled) -> Promise
 *   window.meet.leave() -> Promise
 *   window.meet.state() -> {connection, identity, sid, error,
 *       local: [{sid, kind, source, muted}],
 *       remotes: [{identity, sid, tracks: [{sid, kind, source, muted, subscribed}]}]}
 *   window.meet.stats() -> Promise<{[remote track sid]:
 *       {identity, kind, framesDecoded, frameWidth, bytesReceived, packetsReceived}}>
 *       from each subscribed track's RTCRtpReceiver.getStats() (inbound-rtp).
 *   Data messages, RPC and text streams: see meet-data.js (loaded first; merged in here).
 */
'use strict';

(() => {
  const LK = window.LivekitClient;
  const { RoomEvent, Track } = LK;
  const $ = (id) => document.getElementById(id);

  let room = null;
  let lastError = null;

  // ---- status line -------------------------------------------------------------------------

  function status(text, isError = false) {
    const line = $('status');
    line.textContent = text;
    line.classList.toggle('error', isError);
  }

  /**
   * One line for any failure. A ConnectionError carries a reason enum: "NotAllowed" becomes
   * "not allowed", which is also what a 401/403 from the server's validate endpoint turns into.
   */
  function describe(e) {
    if (e && e.reasonName) {
      // Room.connect re-wraps errors as ServerUnreachable but copies the cause's reason code,
      // so the enum name of the code is the one that tells what happened.
      const byCode = LivekitClient.ConnectionErrorReason && LivekitClient.ConnectionErrorReason[e.reason];
      const reason = (typeof byCode === 'string' ? byCode : e.reasonName).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
      const code = e.status ? ` (${e.status})` : '';
      return `${reason}${code}${e.message ? ': ' + e.message : ''}`;
    }
    return e && e.message ? `${e.name || 'Error'}: ${e.message}` : String(e);
  }

  function fail(e) {
    lastError = describe(e);
    status(lastError, true);
    return new Error(lastError);
  }

  // ---- participant tiles -------------------------------------------------------------------

  function tileFor(participant, isLocal = false) {
    const id = 'tile-' + participant.identity;
    let tile = document.getElementById(id);
    if (!tile) {
      tile = document.createElement('section');
      tile.id = id;
      tile.className = 'tile' + (isLocal ? ' local' : '');
      tile.dataset.identity = participant.identity;
      const name = document.createElement('span');
      name.className = 'name';
      const badges = document.createElement('span');
      badges.className = 'badges';
      tile.append(name, badges);
      if (isLocal) {
        $('grid').prepend(tile);
      } else {
        $('grid').append(tile);
      }
    }
    return tile;
  }

  /** Name and muted badges from the participant's publications. */
  function renderBadges(participant, isLocal = false) {
    const tile = tileFor(participant, isLocal);
    const who = participant.name && participant.name !== participant.identity
        ? `${participant.name} (${participant.identity})` : participant.identity;
    tile.querySelector('.name').textContent = who + (isLocal ? ' — you' : '');
    const mic = participant.getTrackPublication(Track.Source.Microphone);
    const cam = participant.getTrackPublication(Track.Source.Camera);
    const badges = [];
    if (!mic || mic.isMuted) badges.push('mic muted');
    if (!cam || cam.isMuted) badges.push('camera off');
    tile.querySelector('.badges').replaceChildren(...badges.map((text) => {
      const b = document.createElement('span');
      b.className = 'badge';
      b.textContent = text;
      return b;
    }));
  }

  function attach(track, participant, isLocal) {
    // Own audio is never played back: it would echo.
    if (isLocal && track.kind === Track.Kind.Audio) return;
    const element = track.attach();
    element.dataset.trackSid = track.sid || '';
    tileFor(participant, isLocal).append(element);
  }

  function detach(track) {
    track.detach().forEach((element) => element.remove());
  }

  function removeTile(participant) {
    const tile = document.getElementById('tile-' + participant.identity);
    if (tile) tile.remove();
  }

  // ---- room ------------------------------------------------------------------------------

  function wire(r) {
    const local = () => r.localParticipant;
    r.on(RoomEvent.ConnectionStateChanged, (s) => {
      if (s !== 'disconnected' || !lastError) status(`Connection: ${s}.`);
    })
      .on(RoomEvent.ParticipantConnected, (p) => renderBadges(p))
      .on(RoomEvent.ParticipantDisconnected, (p) => removeTile(p))
      .on(RoomEvent.TrackSubscribed, (track, pub, p) => {
        attach(track, p, false);
        renderBadges(p);
      })
      .on(RoomEvent.TrackUnsubscribed, (track, pub, p) => {
        detach(track);
        renderBadges(p);
      })
      .on(RoomEvent.TrackPublished, (pub, p) => renderBadges(p))
      .on(RoomEvent.TrackUnpublished, (pub, p) => renderBadges(p))
      .on(RoomEvent.TrackMuted, (pub, p) => renderBadges(p, p === local()))
      .on(RoomEvent.TrackUnmuted, (pub, p) => renderBadges(p, p === local()))
      .on(RoomEvent.LocalTrackPublished, (pub) => {
        attach(pub.track, local(), true);
        renderBadges(local(), true);
      })
      .on(RoomEvent.LocalTrackUnpublished, (pub) => {
        if (pub.track) detach(pub.track);
        renderBadges(local(), true);
      })
      .on(RoomEvent.MediaDevicesError, (e) => fail(e))
      .on(RoomEvent.AudioPlaybackStatusChanged, () => {
        // Browsers block autoplay without a user gesture; the button is that gesture.
        $('start-audio').hidden = r.canPlaybackAudio;
      })
      .on(RoomEvent.Disconnected, (reason) => {
        const name = LK.DisconnectReason ? LK.DisconnectReason[reason] : reason;
        if (!lastError) status(`Disconnected (${name ?? 'left'}).`);
        if (room === r) reset();
      });
  }

  function reset() {
    room = null;
    $('grid').replaceChildren();
    $('controls').hidden = true;
    $('join-form').hidden = false;
  }

  async function join(url, token, { singlePeerConnection = true } = {}) {
    if (room) await leave();
    lastError = null;
    const r = new LK.Room({ singlePeerConnection, adaptiveStream: false, dynacast: false });
    room = r;
    wire(r);
    window.MeetData.attach(r);
    status(`Connecting (protocol ${singlePeerConnection ? 'v1' : 'v0'})…`);
    try {
      await r.connect(url, token, { autoSubscribe: true });
    } catch (e) {
      if (room === r) room = null;
      throw fail(e);
    }
    $('join-form').hidden = true;
    $('controls').hidden = false;
    renderBadges(r.localParticipant, true);
    r.remoteParticipants.forEach((p) => renderBadges(p));
    status(`Connected to room "${r.name}" as ${r.localParticipant.identity}.`);
    return state();
  }

  function requireRoom() {
    if (!room) throw new Error('not connected');
    return room;
  }

  async function publish() {
    const r = requireRoom();
    try {
      await r.localParticipant.enableCameraAndMicrophone();
    } catch (e) {
      throw fail(e);
    }
    renderBadges(r.localParticipant, true);
    updateButtons();
  }

  async function setMicMuted(muted) {
    // Disabling a microphone mutes its publication; the others see TrackMuted.
    await requireRoom().localParticipant.setMicrophoneEnabled(!muted);
    updateButtons();
  }

  async function setCameraEnabled(enabled) {
    await requireRoom().localParticipant.setCameraEnabled(enabled);
    updateButtons();
  }

  async function leave() {
    const r = room;
    if (r) {
      await r.disconnect();
      if (room === r) reset();
    }
  }

  function updateButtons() {
    if (!room) return;
    const lp = room.localParticipant;
    $('mic').textContent = lp.isMicrophoneEnabled ? 'Mute microphone' : 'Unmute microphone';
    $('cam').textContent = lp.isCameraEnabled ? 'Turn camera off' : 'Turn camera on';
  }

  // ---- what tests read ---------------------------------------------------------------------

  function state() {
    if (!room) {
      return { connection: 'idle', identity: null, sid: null, error: lastError, local: [],
        remotes: [] };
    }
    const lp = room.localParticipant;
    return {
      connection: room.state,
      identity: lp.identity,
      sid: lp.sid,
      error: lastError,
      local: lp.getTrackPublications().map((pub) => ({
        sid: pub.trackSid, kind: pub.kind, source: pub.source, muted: pub.isMuted })),
      remotes: Array.from(room.remoteParticipants.values()).map((p) => ({
        identity: p.identity,
        sid: p.sid,
        tracks: p.getTrackPublications().map((pub) => ({
          sid: pub.trackSid, kind: pub.kind, source: pub.source, muted: pub.isMuted,
          subscribed: pub.isSubscribed })),
      })),
    };
  }

  async function stats() {
    const out = {};
    if (!room) return out;
    for (const p of room.remoteParticipants.values()) {
      for (const pub of p.getTrackPublications()) {
        const receiver = pub.track && pub.track.receiver;
        if (!receiver) continue;
        const entry = { identity: p.identity, kind: pub.kind, framesDecoded: 0, frameWidth: 0,
          bytesReceived: 0, packetsReceived: 0 };
        (await receiver.getStats()).forEach((s) => {
          if (s.type !== 'inbound-rtp') return;
          entry.framesDecoded += s.framesDecoded || 0;
          entry.frameWidth = Math.max(entry.frameWidth, s.frameWidth || 0);
          entry.bytesReceived += s.bytesReceived || 0;
          entry.packetsReceived += s.packetsReceived || 0;
        });
        out[pub.trackSid] = entry;
      }
    }
    return out;
  }

  window.meet = { join, publish, setMicMuted, setCameraEnabled, leave, state, stats,
    ...window.MeetData.api };

  // ---- the form ----------------------------------------------------------------------------

  async function showDevFields() {
    try {
      const resp = await fetch('dev-token/enabled', { cache: 'no-store' });
      $('dev').hidden = !(resp.ok && (await resp.json()).enabled);
    } catch (e) {
      $('dev').hidden = true;
    }
  }

  async function getDevToken() {
    const query = new URLSearchParams({ room: $('room').value, identity: $('identity').value });
    try {
      const resp = await fetch('dev-token?' + query, { method: 'POST' });
      const body = await resp.json();
      if (!resp.ok) throw new Error(body.error || `HTTP ${resp.status}`);
      $('token').value = body.token;
      status(`Development token for "${body.identity}" in room "${body.room}".`);
    } catch (e) {
      fail(e);
    }
  }

  function guardedClick(id, action) {
    // then(): a synchronous throw (not connected) lands on the status line too.
    $(id).addEventListener('click', () => Promise.resolve().then(action).catch(fail));
  }

  $('url').value = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host;
  $('identity').value = 'guest-' + Math.random().toString(36).slice(2, 7);
  $('get-token').addEventListener('click', getDevToken);
  $('join-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token').value.trim();
    if (!token) {
      fail(new Error('paste a token first'));
      return;
    }
    join($('url').value, token, { singlePeerConnection: $('single-pc').checked })
      .then(publish)
      .catch(() => {}); // already on the status line
  });
  guardedClick('mic', () => setMicMuted(room.localParticipant.isMicrophoneEnabled));
  guardedClick('cam', () => setCameraEnabled(!room.localParticipant.isCameraEnabled));
  guardedClick('start-audio', () => room.startAudio());
  guardedClick('leave', leave);
  showDevFields();
})();
