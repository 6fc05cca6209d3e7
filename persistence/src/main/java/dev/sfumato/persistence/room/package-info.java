/**
 * Rooms: the durable room definition ({@link dev.sfumato.persistence.room.RoomDefinition}, with its
 * ordered {@link dev.sfumato.persistence.room.CodecSetting codec list}), its repository and the
 * column limits they share ({@link dev.sfumato.persistence.room.RoomColumns}).
 */
package dev.sfumato.persistence.room;
