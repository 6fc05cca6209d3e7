import sys, gi
gi.require_version("Gst", "1.0"); gi.require_version("GstWebRTC", "1.0"); gi.require_version("GstSdp", "1.0")
from gi.repository import Gst, GstWebRTC, GstSdp, GLib
Gst.init(None)
codec = sys.argv[1] if len(sys.argv) > 1 else "h264"
venc = {"h264": "x264enc tune=zerolatency ! rtph264pay config-interval=-1 ! application/x-rtp,media=video,encoding-name=H264,payload=96",
        "vp8": "vp8enc deadline=1 ! rtpvp8pay ! application/x-rtp,media=video,encoding-name=VP8,payload=96"}[codec]
pipe = Gst.parse_launch(
    "webrtcbin name=w bundle-policy=max-bundle "
    f"videotestsrc is-live=true ! videoconvert ! {venc} ! w. "
    "audiotestsrc is-live=true ! audioconvert ! audioresample ! opusenc ! rtpopuspay ! application/x-rtp,media=audio,encoding-name=OPUS,payload=97 ! w.")
w = pipe.get_by_name("w")
loop = GLib.MainLoop()
def on_offer(promise, _):
    promise.wait()
    rep = promise.get_reply(); sys.stderr.write("REPLY %s\n" % rep.to_string()); offer = rep.get_value("offer"); text = offer.sdp.as_text()
    GLib.idle_add(rest, None, text)
def rest(_, text):
    r0, m0 = GstSdp.SDPMessage.new_from_text(text)
    offer = GstWebRTC.WebRTCSessionDescription.new(GstWebRTC.WebRTCSDPType.OFFER, m0)
    p = Gst.Promise.new(); w.emit("set-local-description", offer, p); p.wait()
    import subprocess
    ans = subprocess.run(["java","-cp","/tmp/sdpgen/cli:/work/wt/sdp/ejb-rooms/rooms/target/classes","Answer"], input=text.encode(), capture_output=True).stdout.decode()
    res, msg = GstSdp.SDPMessage.new_from_text(ans)
    desc = GstWebRTC.WebRTCSessionDescription.new(GstWebRTC.WebRTCSDPType.ANSWER, msg)
    p2 = Gst.Promise.new(); w.emit("set-remote-description", desc, p2); p2.wait()
    rep = p2.get_reply()
    print("webrtcbin", "FAIL " + rep.to_string() if rep is not None and rep.has_field("error") else "OK", w.get_property("signaling-state"))
    loop.quit(); return False
    p = Gst.Promise.new(); w.emit("set-local-description", offer, p); p.wait()
    def later():
        ld = w.get_property("current-local-description") or w.get_property("pending-local-description") or offer; sys.stdout.write((ld.sdp if hasattr(ld,"sdp") else ld).as_text()); loop.quit(); return False
    GLib.timeout_add(1500, later)
def on_neg(_):
    w.emit("create-offer", None, Gst.Promise.new_with_change_func(on_offer, None))
w.connect("on-negotiation-needed", on_neg)
pipe.set_state(Gst.State.PLAYING)
GLib.timeout_add(10000, loop.quit)
loop.run()
pipe.set_state(Gst.State.NULL)
