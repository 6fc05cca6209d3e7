import { chromium } from "playwright-core";
import fs from "fs";
const dir = fs.mkdtempSync("/tmp/sdpgen/prof-");
const args = ["--headless=new","--no-sandbox","--use-fake-device-for-media-stream","--use-fake-ui-for-media-stream","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run","--no-default-browser-check","--autoplay-policy=no-user-gesture-required"];
const ctx = await chromium.launchPersistentContext(dir, { executablePath: "/usr/bin/chromium", headless: true, ignoreDefaultArgs: ["--headless"], args });
const page = await ctx.newPage();
const version = ctx.browser() ? ctx.browser().version() : "";
const offers = await page.evaluate(async () => {
  function tracks() {
    const c = document.createElement("canvas"); c.width = 1280; c.height = 720;
    const g = c.getContext("2d"); g.fillRect(0, 0, 10, 10);
    const v = c.captureStream(20).getVideoTracks()[0];
    const ac = new AudioContext(); const o = ac.createOscillator(); const d = ac.createMediaStreamDestination(); o.connect(d); o.start();
    const a = d.stream.getAudioTracks()[0];
    return { v, a, stream: new MediaStream([a, v]) };
  }
  async function offer(setup) {
    const pc = new RTCPeerConnection({ bundlePolicy: "max-bundle" });
    setup(pc);
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise((r) => { if (pc.iceGatheringState === "complete") r(); pc.onicegatheringstatechange = () => pc.iceGatheringState === "complete" && r(); setTimeout(r, 5000); });
    const s = pc.localDescription.sdp; pc.close(); return s;
  }
  const out = {};
  out["chromium-video-sendonly"] = await offer((pc) => { const t = tracks(); pc.addTransceiver(t.v, { direction: "sendonly", streams: [t.stream] }); });
  out["chromium-audio-video-sendonly"] = await offer((pc) => { const t = tracks(); pc.addTransceiver(t.a, { direction: "sendonly", streams: [t.stream] }); pc.addTransceiver(t.v, { direction: "sendonly", streams: [t.stream] }); });
  out["chromium-simulcast"] = await offer((pc) => { const t = tracks(); pc.addTransceiver(t.a, { direction: "sendonly", streams: [t.stream] });
    pc.addTransceiver(t.v, { direction: "sendonly", streams: [t.stream], sendEncodings: [{ rid: "q", scaleResolutionDownBy: 4 }, { rid: "h", scaleResolutionDownBy: 2 }, { rid: "f" }] }); });
  out["chromium-whep-recvonly"] = await offer((pc) => { pc.addTransceiver("audio", { direction: "recvonly" }); pc.addTransceiver("video", { direction: "recvonly" }); });
  out["chromium-recvonly-datachannel"] = await offer((pc) => { pc.addTransceiver("audio", { direction: "recvonly" }); pc.addTransceiver("video", { direction: "recvonly" }); pc.createDataChannel("_reliable"); });
  out.ua = navigator.userAgent;
  return out;
});
for (const [k, v] of Object.entries(offers)) { if (k === "ua") console.log(v); else fs.writeFileSync(`/tmp/sdpgen/${k}.sdp`, v); }
await ctx.close();
