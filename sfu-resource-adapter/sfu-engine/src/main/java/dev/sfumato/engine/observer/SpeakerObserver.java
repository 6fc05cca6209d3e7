package dev.sfumato.engine.observer;

import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.SpeakerLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Who is speaking in one router, decided once per window from its audio producers' {@link
 * AudioLevelMeter}s, in the manner of LiveKit's audio level observer:
 *
 * <ul>
 *   <li>A window is <b>voiced</b> when at least {@link #MIN_ACTIVE_PERCENT}% of its packets (and at
 *       least {@link #MIN_ACTIVE_PACKETS}) were at or above {@link
 *       AudioLevelMeter#ACTIVE_LEVEL_DBOV}: a cough or a click in one frame is not speech.
 *   <li>The <b>level</b> is the mean linear amplitude of the window's packets (silent ones count as
 *       0, so a half-voiced window is half as loud), smoothed exponentially across windows with
 *       {@link #SMOOTHING} so the indicator does not jitter.
 *   <li>A voiced window makes the producer a speaker at once; it stops being one only after more
 *       than {@link #HANGOVER_WINDOWS} quiet windows, so the pauses between words do not flap it.
 * </ul>
 *
 * <p>{@link #observe} returns the new list when the set of speakers or a speaker's level rounded to
 * {@link #LEVEL_STEP_DB} dB changed, with those that stopped (or whose producer closed) appended
 * once as inactive at level 0. Confined to the worker thread; allocates once per window, never per
 * packet.
 */
public final class SpeakerObserver {

  static final int MIN_ACTIVE_PERCENT = 40;

  /** Two 20 ms frames: with a 100 ms window, less than that is a click. */
  static final int MIN_ACTIVE_PACKETS = 2;

  /** Weight of the new window's level: 0.5 halves a jump per window. */
  static final float SMOOTHING = 0.5f;

  /** Quiet windows a speaker keeps the floor for: one (0.5 s by default) bridges a breath. */
  static final int HANGOVER_WINDOWS = 1;

  /** Level changes smaller than this are not news (the ear barely tells 1 dB apart). */
  static final int LEVEL_STEP_DB = 2;

  private static final Comparator<Entry> LOUDEST_FIRST =
      Comparator.comparingDouble((Entry e) -> -e.level).thenComparing(e -> e.producer.value());

  private static final class Entry {
    final ProducerId producer;
    final AudioLevelMeter meter;
    float level;
    boolean active;
    int quietWindows;
    int reportedStep = Integer.MIN_VALUE;
    boolean removed;

    Entry(ProducerId producer, AudioLevelMeter meter) {
      this.producer = producer;
      this.meter = meter;
    }
  }

  private final List<Entry> entries = new ArrayList<>();

  /** Starts observing an audio producer; its meter is fed by the producer. */
  public void add(ProducerId producer, AudioLevelMeter meter) {
    entries.add(new Entry(producer, meter));
  }

  /** The producer closed: if it was speaking, the next {@link #observe} reports it stopped. */
  public void remove(ProducerId producer) {
    for (Entry e : entries) {
      if (e.producer.equals(producer)) {
        e.removed = true;
      }
    }
  }

  public int size() {
    return entries.size();
  }

  /**
   * Closes the window: updates every producer and resets its meter.
   *
   * @return the speakers (loudest first, then those that just stopped), or null if nothing changed
   */
  public List<SpeakerLevel> observe() {
    boolean changed = false;
    List<Entry> stopped = new ArrayList<>(0);
    for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
      Entry e = it.next();
      boolean wasActive = e.active;
      if (e.removed) {
        it.remove();
        e.active = false;
      } else {
        update(e);
        e.meter.reset();
      }
      if (wasActive && !e.active) {
        stopped.add(e);
        changed = true;
      } else if (e.active && (!wasActive || step(e.level) != e.reportedStep)) {
        changed = true;
      }
    }
    if (!changed) {
      return null;
    }
    List<SpeakerLevel> out = new ArrayList<>();
    for (Entry e : activeLoudestFirst()) {
      e.reportedStep = step(e.level);
      out.add(new SpeakerLevel(e.producer, e.level, true));
    }
    stopped.sort(Comparator.comparing(e -> e.producer.value()));
    for (Entry e : stopped) {
      e.reportedStep = Integer.MIN_VALUE;
      out.add(new SpeakerLevel(e.producer, 0f, false));
    }
    return out;
  }

  /** The speakers now, loudest first. */
  public List<SpeakerLevel> current() {
    List<SpeakerLevel> out = new ArrayList<>();
    for (Entry e : activeLoudestFirst()) {
      out.add(new SpeakerLevel(e.producer, e.level, true));
    }
    return out;
  }

  private List<Entry> activeLoudestFirst() {
    List<Entry> active = new ArrayList<>();
    for (Entry e : entries) {
      if (e.active) {
        active.add(e);
      }
    }
    active.sort(LOUDEST_FIRST);
    return active;
  }

  private static void update(Entry e) {
    AudioLevelMeter m = e.meter;
    boolean voiced =
        m.activePackets() >= MIN_ACTIVE_PACKETS
            && m.activePackets() * 100L >= (long) m.packets() * MIN_ACTIVE_PERCENT;
    float target = m.meanLinear();
    if (voiced) {
      e.level = e.active ? e.level + (target - e.level) * SMOOTHING : target;
      e.active = true;
      e.quietWindows = 0;
    } else if (e.active && ++e.quietWindows <= HANGOVER_WINDOWS) {
      e.level += (target - e.level) * SMOOTHING; // fades while it keeps the floor
    } else {
      e.active = false;
      e.level = 0f;
      e.quietWindows = 0;
    }
  }

  /** The level in {@link #LEVEL_STEP_DB} dB steps, for change detection. */
  private static int step(float level) {
    if (level <= 0f) {
      return Integer.MIN_VALUE + 1;
    }
    return (int) Math.floor(20 * Math.log10(level) / LEVEL_STEP_DB);
  }
}
