import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace raftpb. */
export namespace raftpb {

    /** EntryType enum. */
    enum EntryType {

        /** EntryNormal value */
        EntryNormal = 0,

        /** EntryConfChange value */
        EntryConfChange = 1,

        /** EntryConfChangeV2 value */
        EntryConfChangeV2 = 2
    }

    /**
     * Properties of an Entry.
     * @deprecated Use raftpb.Entry.$Properties instead.
     */
    interface IEntry extends raftpb.Entry.$Properties {
    }

    /** Represents an Entry. */
    class Entry {

        /**
         * Constructs a new Entry.
         * @param [p] Properties to set
         */
        constructor(p?: raftpb.Entry.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Entry Term. */
        Term: (number|Long);

        /** Entry Index. */
        Index: (number|Long);

        /** Entry Type. */
        Type: raftpb.EntryType;

        /** Entry Data. */
        Data: Uint8Array;

        /**
         * Creates a new Entry instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Entry instance
         */
        static create(properties: raftpb.Entry.$Shape): raftpb.Entry & raftpb.Entry.$Shape;
        static create(properties?: raftpb.Entry.$Properties): raftpb.Entry;

        /**
         * Encodes the specified Entry message. Does not implicitly {@link raftpb.Entry.verify|verify} messages.
         * @param m Entry message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: raftpb.Entry.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Entry message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {raftpb.Entry & raftpb.Entry.$Shape} Entry
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): raftpb.Entry & raftpb.Entry.$Shape;

        /**
         * Creates an Entry message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Entry
         */
        static fromObject(d: { [k: string]: any }): raftpb.Entry;

        /**
         * Creates a plain object from an Entry message. Also converts values to other types if specified.
         * @param m Entry
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: raftpb.Entry, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Entry to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Entry
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Entry {

        /** Properties of an Entry. */
        interface $Properties {

            /** Entry Term */
            Term?: (number|Long|null);

            /** Entry Index */
            Index?: (number|Long|null);

            /** Entry Type */
            Type?: (raftpb.EntryType|null);

            /** Entry Data */
            Data?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Entry. */
        type $Shape = raftpb.Entry.$Properties;
    }

    /**
     * Properties of a SnapshotMetadata.
     * @deprecated Use raftpb.SnapshotMetadata.$Properties instead.
     */
    interface ISnapshotMetadata extends raftpb.SnapshotMetadata.$Properties {
    }

    /** Represents a SnapshotMetadata. */
    class SnapshotMetadata {

        /**
         * Constructs a new SnapshotMetadata.
         * @param [p] Properties to set
         */
        constructor(p?: raftpb.SnapshotMetadata.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SnapshotMetadata confState. */
        confState?: (raftpb.ConfState.$Properties|null);

        /** SnapshotMetadata index. */
        index: (number|Long);

        /** SnapshotMetadata term. */
        term: (number|Long);

        /**
         * Creates a new SnapshotMetadata instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SnapshotMetadata instance
         */
        static create(properties: raftpb.SnapshotMetadata.$Shape): raftpb.SnapshotMetadata & raftpb.SnapshotMetadata.$Shape;
        static create(properties?: raftpb.SnapshotMetadata.$Properties): raftpb.SnapshotMetadata;

        /**
         * Encodes the specified SnapshotMetadata message. Does not implicitly {@link raftpb.SnapshotMetadata.verify|verify} messages.
         * @param m SnapshotMetadata message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: raftpb.SnapshotMetadata.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SnapshotMetadata message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {raftpb.SnapshotMetadata & raftpb.SnapshotMetadata.$Shape} SnapshotMetadata
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): raftpb.SnapshotMetadata & raftpb.SnapshotMetadata.$Shape;

        /**
         * Creates a SnapshotMetadata message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns SnapshotMetadata
         */
        static fromObject(d: { [k: string]: any }): raftpb.SnapshotMetadata;

        /**
         * Creates a plain object from a SnapshotMetadata message. Also converts values to other types if specified.
         * @param m SnapshotMetadata
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: raftpb.SnapshotMetadata, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SnapshotMetadata to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for SnapshotMetadata
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SnapshotMetadata {

        /** Properties of a SnapshotMetadata. */
        interface $Properties {

            /** SnapshotMetadata confState */
            confState?: (raftpb.ConfState.$Properties|null);

            /** SnapshotMetadata index */
            index?: (number|Long|null);

            /** SnapshotMetadata term */
            term?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SnapshotMetadata. */
        type $Shape = raftpb.SnapshotMetadata.$Properties;
    }

    /**
     * Properties of a Snapshot.
     * @deprecated Use raftpb.Snapshot.$Properties instead.
     */
    interface ISnapshot extends raftpb.Snapshot.$Properties {
    }

    /** Represents a Snapshot. */
    class Snapshot {

        /**
         * Constructs a new Snapshot.
         * @param [p] Properties to set
         */
        constructor(p?: raftpb.Snapshot.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Snapshot data. */
        data: Uint8Array;

        /** Snapshot metadata. */
        metadata?: (raftpb.SnapshotMetadata.$Properties|null);

        /**
         * Creates a new Snapshot instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Snapshot instance
         */
        static create(properties: raftpb.Snapshot.$Shape): raftpb.Snapshot & raftpb.Snapshot.$Shape;
        static create(properties?: raftpb.Snapshot.$Properties): raftpb.Snapshot;

        /**
         * Encodes the specified Snapshot message. Does not implicitly {@link raftpb.Snapshot.verify|verify} messages.
         * @param m Snapshot message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: raftpb.Snapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Snapshot message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {raftpb.Snapshot & raftpb.Snapshot.$Shape} Snapshot
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): raftpb.Snapshot & raftpb.Snapshot.$Shape;

        /**
         * Creates a Snapshot message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Snapshot
         */
        static fromObject(d: { [k: string]: any }): raftpb.Snapshot;

        /**
         * Creates a plain object from a Snapshot message. Also converts values to other types if specified.
         * @param m Snapshot
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: raftpb.Snapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Snapshot to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Snapshot
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Snapshot {

        /** Properties of a Snapshot. */
        interface $Properties {

            /** Snapshot data */
            data?: (Uint8Array|null);

            /** Snapshot metadata */
            metadata?: (raftpb.SnapshotMetadata.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Snapshot. */
        type $Shape = raftpb.Snapshot.$Properties;
    }

    /** MessageType enum. */
    enum MessageType {

        /** MsgHup value */
        MsgHup = 0,

        /** MsgBeat value */
        MsgBeat = 1,

        /** MsgProp value */
        MsgProp = 2,

        /** MsgApp value */
        MsgApp = 3,

        /** MsgAppResp value */
        MsgAppResp = 4,

        /** MsgVote value */
        MsgVote = 5,

        /** MsgVoteResp value */
        MsgVoteResp = 6,

        /** MsgSnap value */
        MsgSnap = 7,

        /** MsgHeartbeat value */
        MsgHeartbeat = 8,

        /** MsgHeartbeatResp value */
        MsgHeartbeatResp = 9,

        /** MsgUnreachable value */
        MsgUnreachable = 10,

        /** MsgSnapStatus value */
        MsgSnapStatus = 11,

        /** MsgCheckQuorum value */
        MsgCheckQuorum = 12,

        /** MsgTransferLeader value */
        MsgTransferLeader = 13,

        /** MsgTimeoutNow value */
        MsgTimeoutNow = 14,

        /** MsgReadIndex value */
        MsgReadIndex = 15,

        /** MsgReadIndexResp value */
        MsgReadIndexResp = 16,

        /** MsgPreVote value */
        MsgPreVote = 17,

        /** MsgPreVoteResp value */
        MsgPreVoteResp = 18
    }

    /**
     * Properties of a Message.
     * @deprecated Use raftpb.Message.$Properties instead.
     */
    interface IMessage extends raftpb.Message.$Properties {
    }

    /** Represents a Message. */
    class Message {

        /**
         * Constructs a new Message.
         * @param [p] Properties to set
         */
        constructor(p?: raftpb.Message.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Message type. */
        type: raftpb.MessageType;

        /** Message to. */
        to: (number|Long);

        /** Message from. */
        from: (number|Long);

        /** Message term. */
        term: (number|Long);

        /** Message logTerm. */
        logTerm: (number|Long);

        /** Message index. */
        index: (number|Long);

        /** Message entries. */
        entries: raftpb.Entry.$Properties[];

        /** Message commit. */
        commit: (number|Long);

        /** Message snapshot. */
        snapshot?: (raftpb.Snapshot.$Properties|null);

        /** Message reject. */
        reject: boolean;

        /** Message rejectHint. */
        rejectHint: (number|Long);

        /** Message context. */
        context: Uint8Array;

        /**
         * Creates a new Message instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Message instance
         */
        static create(properties: raftpb.Message.$Shape): raftpb.Message & raftpb.Message.$Shape;
        static create(properties?: raftpb.Message.$Properties): raftpb.Message;

        /**
         * Encodes the specified Message message. Does not implicitly {@link raftpb.Message.verify|verify} messages.
         * @param m Message message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: raftpb.Message.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Message message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {raftpb.Message & raftpb.Message.$Shape} Message
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): raftpb.Message & raftpb.Message.$Shape;

        /**
         * Creates a Message message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Message
         */
        static fromObject(d: { [k: string]: any }): raftpb.Message;

        /**
         * Creates a plain object from a Message message. Also converts values to other types if specified.
         * @param m Message
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: raftpb.Message, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Message to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Message
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Message {

        /** Properties of a Message. */
        interface $Properties {

            /** Message type */
            type?: (raftpb.MessageType|null);

            /** Message to */
            to?: (number|Long|null);

            /** Message from */
            from?: (number|Long|null);

            /** Message term */
            term?: (number|Long|null);

            /** Message logTerm */
            logTerm?: (number|Long|null);

            /** Message index */
            index?: (number|Long|null);

            /** Message entries */
            entries?: (raftpb.Entry.$Properties[]|null);

            /** Message commit */
            commit?: (number|Long|null);

            /** Message snapshot */
            snapshot?: (raftpb.Snapshot.$Properties|null);

            /** Message reject */
            reject?: (boolean|null);

            /** Message rejectHint */
            rejectHint?: (number|Long|null);

            /** Message context */
            context?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Message. */
        type $Shape = raftpb.Message.$Properties;
    }

    /**
     * Properties of a HardState.
     * @deprecated Use raftpb.HardState.$Properties instead.
     */
    interface IHardState extends raftpb.HardState.$Properties {
    }

    /** Represents a HardState. */
    class HardState {

        /**
         * Constructs a new HardState.
         * @param [p] Properties to set
         */
        constructor(p?: raftpb.HardState.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HardState term. */
        term: (number|Long);

        /** HardState vote. */
        vote: (number|Long);

        /** HardState commit. */
        commit: (number|Long);

        /**
         * Creates a new HardState instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HardState instance
         */
        static create(properties: raftpb.HardState.$Shape): raftpb.HardState & raftpb.HardState.$Shape;
        static create(properties?: raftpb.HardState.$Properties): raftpb.HardState;

        /**
         * Encodes the specified HardState message. Does not implicitly {@link raftpb.HardState.verify|verify} messages.
         * @param m HardState message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: raftpb.HardState.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HardState message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {raftpb.HardState & raftpb.HardState.$Shape} HardState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): raftpb.HardState & raftpb.HardState.$Shape;

        /**
         * Creates a HardState message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns HardState
         */
        static fromObject(d: { [k: string]: any }): raftpb.HardState;

        /**
         * Creates a plain object from a HardState message. Also converts values to other types if specified.
         * @param m HardState
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: raftpb.HardState, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HardState to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for HardState
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace HardState {

        /** Properties of a HardState. */
        interface $Properties {

            /** HardState term */
            term?: (number|Long|null);

            /** HardState vote */
            vote?: (number|Long|null);

            /** HardState commit */
            commit?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HardState. */
        type $Shape = raftpb.HardState.$Properties;
    }

    /**
     * Properties of a ConfState.
     * @deprecated Use raftpb.ConfState.$Properties instead.
     */
    interface IConfState extends raftpb.ConfState.$Properties {
    }

    /** Represents a ConfState. */
    class ConfState {

        /**
         * Constructs a new ConfState.
         * @param [p] Properties to set
         */
        constructor(p?: raftpb.ConfState.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConfState voters. */
        voters: (number|Long)[];

        /** ConfState learners. */
        learners: (number|Long)[];

        /**
         * Creates a new ConfState instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ConfState instance
         */
        static create(properties: raftpb.ConfState.$Shape): raftpb.ConfState & raftpb.ConfState.$Shape;
        static create(properties?: raftpb.ConfState.$Properties): raftpb.ConfState;

        /**
         * Encodes the specified ConfState message. Does not implicitly {@link raftpb.ConfState.verify|verify} messages.
         * @param m ConfState message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: raftpb.ConfState.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConfState message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {raftpb.ConfState & raftpb.ConfState.$Shape} ConfState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): raftpb.ConfState & raftpb.ConfState.$Shape;

        /**
         * Creates a ConfState message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns ConfState
         */
        static fromObject(d: { [k: string]: any }): raftpb.ConfState;

        /**
         * Creates a plain object from a ConfState message. Also converts values to other types if specified.
         * @param m ConfState
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: raftpb.ConfState, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ConfState to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ConfState
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConfState {

        /** Properties of a ConfState. */
        interface $Properties {

            /** ConfState voters */
            voters?: ((number|Long)[]|null);

            /** ConfState learners */
            learners?: ((number|Long)[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConfState. */
        type $Shape = raftpb.ConfState.$Properties;
    }

    /** ConfChangeType enum. */
    enum ConfChangeType {

        /** ConfChangeAddNode value */
        ConfChangeAddNode = 0,

        /** ConfChangeRemoveNode value */
        ConfChangeRemoveNode = 1,

        /** ConfChangeUpdateNode value */
        ConfChangeUpdateNode = 2,

        /** ConfChangeAddLearnerNode value */
        ConfChangeAddLearnerNode = 3
    }

    /**
     * Properties of a ConfChange.
     * @deprecated Use raftpb.ConfChange.$Properties instead.
     */
    interface IConfChange extends raftpb.ConfChange.$Properties {
    }

    /** Represents a ConfChange. */
    class ConfChange {

        /**
         * Constructs a new ConfChange.
         * @param [p] Properties to set
         */
        constructor(p?: raftpb.ConfChange.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConfChange ID. */
        ID: (number|Long);

        /** ConfChange Type. */
        Type: raftpb.ConfChangeType;

        /** ConfChange NodeID. */
        NodeID: (number|Long);

        /** ConfChange Context. */
        Context: Uint8Array;

        /**
         * Creates a new ConfChange instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ConfChange instance
         */
        static create(properties: raftpb.ConfChange.$Shape): raftpb.ConfChange & raftpb.ConfChange.$Shape;
        static create(properties?: raftpb.ConfChange.$Properties): raftpb.ConfChange;

        /**
         * Encodes the specified ConfChange message. Does not implicitly {@link raftpb.ConfChange.verify|verify} messages.
         * @param m ConfChange message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: raftpb.ConfChange.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConfChange message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {raftpb.ConfChange & raftpb.ConfChange.$Shape} ConfChange
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): raftpb.ConfChange & raftpb.ConfChange.$Shape;

        /**
         * Creates a ConfChange message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns ConfChange
         */
        static fromObject(d: { [k: string]: any }): raftpb.ConfChange;

        /**
         * Creates a plain object from a ConfChange message. Also converts values to other types if specified.
         * @param m ConfChange
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: raftpb.ConfChange, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ConfChange to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ConfChange
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConfChange {

        /** Properties of a ConfChange. */
        interface $Properties {

            /** ConfChange ID */
            ID?: (number|Long|null);

            /** ConfChange Type */
            Type?: (raftpb.ConfChangeType|null);

            /** ConfChange NodeID */
            NodeID?: (number|Long|null);

            /** ConfChange Context */
            Context?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConfChange. */
        type $Shape = raftpb.ConfChange.$Properties;
    }
}
