import { RTCPeerConnection, RTCRtpCodecParameters } from "werift";
const pc = new RTCPeerConnection({
  codecs: {
    video: [new RTCRtpCodecParameters({ mimeType: "video/H264", clockRate: 90000,
      rtcpFeedback: [{ type: "nack" }, { type: "nack", parameter: "pli" }, { type: "goog-remb" }],
      parameters: "profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1" })],
    audio: [new RTCRtpCodecParameters({ mimeType: "audio/opus", clockRate: 48000, channels: 2 })],
  },
});
pc.addTransceiver("video", { direction: "sendonly" });
pc.addTransceiver("audio", { direction: "sendonly" });
await pc.setLocalDescription(await pc.createOffer());
await new Promise((r) => { pc.iceGatheringStateChange.subscribe((s) => s === "complete" && r()); setTimeout(r, 3000); });
process.stdout.write(pc.localDescription.sdp);
await pc.close();
process.exit(0);
