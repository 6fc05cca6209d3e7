import ndc from "node-datachannel";
import { execFileSync } from "child_process";
const pc = new ndc.PeerConnection("obs", { iceServers: [], disableAutoNegotiation: true });
const audio = new ndc.Audio("0", "SendOnly"); audio.addOpusCodec(111); audio.addSSRC(1894923416, "obs-cname", "obs-stream", "obs-audio");
const video = new ndc.Video("1", "SendOnly"); video.addH264Codec(96, "profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1"); video.addSSRC(3712452901, "obs-cname", "obs-stream", "obs-video");
const ta = pc.addTrack(audio); const tv = pc.addTrack(video);
pc.setLocalDescription();
const offer = pc.localDescription().sdp;
const answer = execFileSync("java", ["-cp", "/tmp/sdpgen/cli:/work/wt/sdp/ejb-rooms/rooms/target/classes", "Answer"], { input: offer }).toString();
try { pc.setRemoteDescription(answer, "answer"); console.log("libdatachannel OK", pc.remoteDescription().type, pc.signalingState()); }
catch (e) { console.log("libdatachannel FAIL", e.message); }
pc.close(); ndc.cleanup(); process.exit(0);
