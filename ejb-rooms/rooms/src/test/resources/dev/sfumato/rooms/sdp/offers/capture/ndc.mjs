import ndc from "node-datachannel";
const wait = process.argv[2] === "gather";
const pc = new ndc.PeerConnection("obs", { iceServers: [], disableAutoNegotiation: true });
// OBS whip-output: audio first (mid "0"), then video (mid "1"), both SendOnly, same msid/cname
const audio = new ndc.Audio("0", "SendOnly");
audio.addOpusCodec(111);
audio.addSSRC(1894923416, "obs-cname", "obs-stream", "obs-audio");
const video = new ndc.Video("1", "SendOnly");
video.addH264Codec(96, "profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1");
video.addSSRC(3712452901, "obs-cname", "obs-stream", "obs-video");
pc.addTrack(audio);
pc.addTrack(video);
pc.setLocalDescription();
const done = new Promise((r) => {
  if (!wait) return r();
  pc.onGatheringStateChange((s) => s === "complete" && r());
  setTimeout(r, 5000);
});
await done;
const d = pc.localDescription();
process.stdout.write(d.sdp);
pc.close();
ndc.cleanup();
process.exit(0);
