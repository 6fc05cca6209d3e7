import { chromium } from "playwright-core";
import { execFileSync } from "child_process";
import fs from "fs";
const answer = (offer, dc) => execFileSync("java", ["-cp", "/tmp/sdpgen/cli:/work/wt/sdp/ejb-rooms/rooms/target/classes", "Answer", dc ? "dc" : ""], { input: offer }).toString();
const dir = fs.mkdtempSync("/tmp/sdpgen/prof-");
const ctx = await chromium.launchPersistentContext(dir, { executablePath: "/usr/bin/chromium", headless: true, ignoreDefaultArgs: ["--headless"], args: ["--headless=new","--no-sandbox","--disable-gpu","--no-first-run"] });
const page = await ctx.newPage();
await page.exposeFunction("answerFor", (offer, dc) => answer(offer, dc));
const res = await page.evaluate(async () => {
  const out = {};
  async function run(name, setup, dc) {
    const pc = new RTCPeerConnection({ bundlePolicy: "max-bundle" });
    setup(pc);
    await pc.setLocalDescription(await pc.createOffer());
    const sdp = await window.answerFor(pc.localDescription.sdp, dc);
    try { await pc.setRemoteDescription({ type: "answer", sdp });
      const t = pc.getTransceivers().map(t => `${t.mid}:${t.currentDirection}:${t.sender.getParameters().encodings.length}enc:${(t.sender.getParameters().codecs||[])[0]?.mimeType}`);
      out[name] = "OK " + t.join(" ") + (pc.sctp ? " sctp" : "");
    } catch (e) { out[name] = "FAIL " + e.message; }
    pc.close();
  }
  const c = document.createElement("canvas"); c.width = 640; c.height = 360; c.getContext("2d").fillRect(0,0,5,5);
  const v = c.captureStream(20).getVideoTracks()[0];
  const ac = new AudioContext(); const d = ac.createMediaStreamDestination(); const o = ac.createOscillator(); o.connect(d); o.start();
  const a = d.stream.getAudioTracks()[0]; const st = new MediaStream([a, v]);
  await run("whip-av", pc => { pc.addTransceiver(a, {direction:"sendonly", streams:[st]}); pc.addTransceiver(v, {direction:"sendonly", streams:[st]}); });
  await run("whip-simulcast", pc => { pc.addTransceiver(a, {direction:"sendonly", streams:[st]}); pc.addTransceiver(v, {direction:"sendonly", streams:[st], sendEncodings:[{rid:"q",scaleResolutionDownBy:4},{rid:"h",scaleResolutionDownBy:2},{rid:"f"}]}); });
  await run("whep", pc => { pc.addTransceiver("audio", {direction:"recvonly"}); pc.addTransceiver("video", {direction:"recvonly"}); });
  await run("livekit-v1-dc-on", pc => { pc.addTransceiver("audio", {direction:"recvonly"}); pc.addTransceiver("video", {direction:"recvonly"}); pc.createDataChannel("_reliable"); }, true);
  await run("livekit-v1-dc-off", pc => { pc.addTransceiver("audio", {direction:"recvonly"}); pc.addTransceiver("video", {direction:"recvonly"}); pc.createDataChannel("_reliable"); }, false);
  return out;
});
console.log(res);
await ctx.close();
