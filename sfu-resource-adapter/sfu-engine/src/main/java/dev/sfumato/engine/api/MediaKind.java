package dev.sfumato.engine.api;

/** What a producer or consumer carries; decides codec handling and keyframe logic. */
public enum MediaKind {
  AUDIO,
  VIDEO
}
