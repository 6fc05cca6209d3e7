package dev.sfumato.it;

import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanSubscribe;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.time.Duration;
import java.util.UUID;

/**
 * The participants of {@link LiveKitDataIT} for one protocol path: alice and bob in a room of their
 * own, each a meet page window of one {@link Browser}, publishing no media; carol when a case asks
 * for her. A page counts as joined once the channel data arrives on is open.
 */
final class DataParty {
  final String room = "data-" + UUID.randomUUID();
  final MeetPage alice;
  final MeetPage bob;

  private final Browser browser;
  private final boolean singlePeerConnection;
  private final Duration limit;
  private MeetPage carol;

  DataParty(Browser browser, boolean singlePeerConnection, Duration limit)
      throws InterruptedException {
    this.browser = browser;
    this.singlePeerConnection = singlePeerConnection;
    this.limit = limit;
    alice = join(token("alice"));
    bob = join(token("bob"));
    awaitEachOther(alice, "bob");
    awaitEachOther(bob, "alice");
  }

  /** carol, who joins at the first call and stays. */
  MeetPage carol() throws InterruptedException {
    if (carol == null) {
      carol = join(token("carol"));
      for (MeetPage page : new MeetPage[] {alice, bob}) {
        awaitEachOther(page, "carol");
      }
      awaitEachOther(carol, "alice");
      awaitEachOther(carol, "bob");
    }
    return carol;
  }

  /** A new window that joins with {@code token} (for this room) and can receive data. */
  MeetPage join(String token) throws InterruptedException {
    MeetPage page = MeetPage.open(browser).joined(token, singlePeerConnection);
    // Data arrives on the SDK's reliable channel of the subscriber connection when that is
    // primary (v0, a participant who can subscribe), else on that of the publisher connection.
    page.awaitDataInfo(
        i -> {
          boolean subscriber = Boolean.TRUE.equals(i.get("subscriberPrimary"));
          return "open".equals(i.get(subscriber ? "subscriberReliable" : "publisherReliable"));
        },
        limit);
    return page;
  }

  /** A token for this room with every grant a participant of these tests needs. */
  String token(String identity) {
    return Server.participantToken(
        identity,
        new RoomJoin(true),
        new RoomName(room),
        new CanPublish(true),
        new CanSubscribe(true),
        new CanPublishData(true));
  }

  private void awaitEachOther(MeetPage page, String identity) throws InterruptedException {
    page.awaitState(s -> MeetPage.remote(s, identity) != null, limit);
  }
}
