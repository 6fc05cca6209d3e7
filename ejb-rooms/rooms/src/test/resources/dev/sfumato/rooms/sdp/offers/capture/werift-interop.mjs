import { RTCPeerConnection } from "werift";
import { execFileSync } from "child_process";
const pc = new RTCPeerConnection({});
pc.addTransceiver("video", { direction: "sendonly" }); pc.addTransceiver("audio", { direction: "sendonly" });
await pc.setLocalDescription(await pc.createOffer());
const answer = execFileSync("java", ["-cp", "/tmp/sdpgen/cli:/work/wt/sdp/ejb-rooms/rooms/target/classes", "Answer"], { input: pc.localDescription.sdp }).toString();
try { await pc.setRemoteDescription({ type: "answer", sdp: answer }); console.log("werift OK", pc.signalingState, pc.getTransceivers().map(t => t.mid + ":" + t.currentDirection).join(" ")); }
catch (e) { console.log("werift FAIL", e.message); }
await pc.close(); process.exit(0);
