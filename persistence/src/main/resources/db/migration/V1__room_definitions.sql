-- Durable half of the room store: what CreateRoom configured, not who is in the room.
-- Written once for H2 2.4 and PostgreSQL 15: standard types and syntax only, no vendor DDL.
-- Lengths mirror dev.sfumato.persistence.room.RoomColumns.

-- Hibernate's pooled optimizer hands out ids in blocks of 50; INCREMENT BY must match allocationSize.
CREATE SEQUENCE room_definition_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE room_definition (
    id                BIGINT                      NOT NULL,
    name              VARCHAR(256)                NOT NULL,
    sid               VARCHAR(32)                 NOT NULL,
    empty_timeout     INTEGER                     NOT NULL,
    departure_timeout INTEGER                     NOT NULL,
    max_participants  INTEGER                     NOT NULL,
    metadata          VARCHAR(65536),
    creation_time     TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    version           BIGINT                      NOT NULL,
    CONSTRAINT pk_room_definition PRIMARY KEY (id),
    CONSTRAINT uk_room_definition_name UNIQUE (name),
    CONSTRAINT uk_room_definition_sid UNIQUE (sid),
    CONSTRAINT ck_room_definition_timeouts CHECK (empty_timeout >= 0 AND departure_timeout >= 0),
    CONSTRAINT ck_room_definition_max_participants CHECK (max_participants >= 0)
);

-- enabled_codecs of LiveKit's Room, in the order the room lists them (codec_order is 0-based).
CREATE TABLE room_definition_codec (
    room_id     BIGINT        NOT NULL,
    codec_order INTEGER       NOT NULL,
    mime        VARCHAR(128)  NOT NULL,
    fmtp_line   VARCHAR(1024) NOT NULL,
    CONSTRAINT pk_room_definition_codec PRIMARY KEY (room_id, codec_order),
    -- Hibernate deletes the rows itself; the cascade covers deletes made outside JPA.
    CONSTRAINT fk_room_definition_codec_room FOREIGN KEY (room_id)
        REFERENCES room_definition (id) ON DELETE CASCADE
);
