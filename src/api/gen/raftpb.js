/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $String = $util.global.String, $BigInt = $util.global.BigInt, $Array = $util.global.Array, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const raftpb = $root.raftpb = (() => {

    /**
     * Namespace raftpb.
     * @exports raftpb
     * @namespace
     */
    const raftpb = {};

    /**
     * EntryType enum.
     * @name raftpb.EntryType
     * @enum {number}
     * @property {number} EntryNormal=0 EntryNormal value
     * @property {number} EntryConfChange=1 EntryConfChange value
     * @property {number} EntryConfChangeV2=2 EntryConfChangeV2 value
     */
    raftpb.EntryType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "EntryNormal"] = 0;
        values[valuesById[1] = "EntryConfChange"] = 1;
        values[valuesById[2] = "EntryConfChangeV2"] = 2;
        return values;
    })();

    raftpb.Entry = (function() {

        /**
         * Properties of an Entry.
         * @typedef {Object} raftpb.Entry.$Properties
         * @property {number|Long|null} [Term] Entry Term
         * @property {number|Long|null} [Index] Entry Index
         * @property {raftpb.EntryType|null} [Type] Entry Type
         * @property {Uint8Array|null} [Data] Entry Data
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Entry.
         * @memberof raftpb
         * @interface IEntry
         * @augments raftpb.Entry.$Properties
         * @deprecated Use raftpb.Entry.$Properties instead.
         */

        /**
         * Shape of an Entry.
         * @typedef {raftpb.Entry.$Properties} raftpb.Entry.$Shape
         */

        /**
         * Constructs a new Entry.
         * @memberof raftpb
         * @classdesc Represents an Entry.
         * @constructor
         * @param {raftpb.Entry.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Entry = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Entry Term.
         * @member {number|Long} Term
         * @memberof raftpb.Entry
         * @instance
         */
        Entry.prototype.Term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Entry Index.
         * @member {number|Long} Index
         * @memberof raftpb.Entry
         * @instance
         */
        Entry.prototype.Index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Entry Type.
         * @member {raftpb.EntryType} Type
         * @memberof raftpb.Entry
         * @instance
         */
        Entry.prototype.Type = 0;

        /**
         * Entry Data.
         * @member {Uint8Array} Data
         * @memberof raftpb.Entry
         * @instance
         */
        Entry.prototype.Data = $util.newBuffer([]);

        /**
         * Creates a new Entry instance using the specified properties.
         * @function create
         * @memberof raftpb.Entry
         * @static
         * @param {raftpb.Entry.$Properties=} [properties] Properties to set
         * @returns {raftpb.Entry} Entry instance
         * @type {{
         *   (properties: raftpb.Entry.$Shape): raftpb.Entry & raftpb.Entry.$Shape;
         *   (properties?: raftpb.Entry.$Properties): raftpb.Entry;
         * }}
         */
        Entry.create = function(properties) {
            return new Entry(properties);
        };

        /**
         * Encodes the specified Entry message. Does not implicitly {@link raftpb.Entry.verify|verify} messages.
         * @function encode
         * @memberof raftpb.Entry
         * @static
         * @param {raftpb.Entry.$Properties} m Entry message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Entry.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.Type != null && $Object.hasOwnProperty.call(m, "Type") && m.Type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.Type);
            if (m.Term != null && $Object.hasOwnProperty.call(m, "Term") && (typeof m.Term === "object" ? m.Term.low || m.Term.high : m.Term !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.Term);
            if (m.Index != null && $Object.hasOwnProperty.call(m, "Index") && (typeof m.Index === "object" ? m.Index.low || m.Index.high : m.Index !== 0))
                w.uint32(/* id 3, wireType 0 =*/24).uint64(m.Index);
            if (m.Data != null && $Object.hasOwnProperty.call(m, "Data") && m.Data.length)
                w.uint32(/* id 4, wireType 2 =*/34).bytes(m.Data);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes an Entry message from the specified reader or buffer.
         * @function decode
         * @memberof raftpb.Entry
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {raftpb.Entry & raftpb.Entry.$Shape} Entry
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Entry.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.raftpb.Entry();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.Term = v;
                        else
                            delete m.Term;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.Index = v;
                        else
                            delete m.Index;
                        continue;
                    }
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.Type = v;
                        else
                            delete m.Type;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.Data = v;
                        else
                            delete m.Data;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates an Entry message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof raftpb.Entry
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {raftpb.Entry} Entry
         */
        Entry.fromObject = function (d, q) {
            if (d instanceof $root.raftpb.Entry)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".raftpb.Entry: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.raftpb.Entry();
            if (d.Term != null) {
                if (typeof d.Term === "object" ? d.Term.low || d.Term.high : $Number(d.Term) !== 0) {
                    if ($util.Long)
                        m.Term = $util.Long.fromValue(d.Term, true);
                    else if (typeof d.Term === "string")
                        m.Term = $parseInt(d.Term, 10);
                    else if (typeof d.Term === "number")
                        m.Term = d.Term;
                    else if (typeof d.Term === "object")
                        m.Term = new $util.LongBits(d.Term.low >>> 0, d.Term.high >>> 0).toNumber(true);
                }
            }
            if (d.Index != null) {
                if (typeof d.Index === "object" ? d.Index.low || d.Index.high : $Number(d.Index) !== 0) {
                    if ($util.Long)
                        m.Index = $util.Long.fromValue(d.Index, true);
                    else if (typeof d.Index === "string")
                        m.Index = $parseInt(d.Index, 10);
                    else if (typeof d.Index === "number")
                        m.Index = d.Index;
                    else if (typeof d.Index === "object")
                        m.Index = new $util.LongBits(d.Index.low >>> 0, d.Index.high >>> 0).toNumber(true);
                }
            }
            if (d.Type !== 0 && (typeof d.Type !== "string" || $root.raftpb.EntryType[d.Type] !== 0)) {
                switch (d.Type) {
                case "EntryNormal":
                case 0:
                    m.Type = 0;
                    break;
                case "EntryConfChange":
                case 1:
                    m.Type = 1;
                    break;
                case "EntryConfChangeV2":
                case 2:
                    m.Type = 2;
                    break;
                default:
                    if (typeof d.Type === "number" && (d.Type | 0) === d.Type)
                        m.Type = d.Type;
                }
            }
            if (d.Data != null) {
                if (d.Data.length) {
                    if (typeof d.Data === "string")
                        $util.base64.decode(d.Data, m.Data = $util.newBuffer($util.base64.length(d.Data)), 0);
                    else if (d.Data.length >= 0)
                        m.Data = d.Data;
                }
            }
            return m;
        };

        /**
         * Creates a plain object from an Entry message. Also converts values to other types if specified.
         * @function toObject
         * @memberof raftpb.Entry
         * @static
         * @param {raftpb.Entry} m Entry
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Entry.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.Type = o.enums === $String ? "EntryNormal" : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.Term = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.Term = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.Index = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.Index = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if (o.bytes === $String)
                    d.Data = "";
                else {
                    d.Data = [];
                    if (o.bytes !== $Array)
                        d.Data = $util.newBuffer(d.Data);
                }
            }
            if (m.Type != null && $Object.hasOwnProperty.call(m, "Type")) {
                d.Type = o.enums === $String ? $root.raftpb.EntryType[m.Type] === $undefined ? m.Type : $root.raftpb.EntryType[m.Type] : m.Type;
            }
            if (m.Term != null && $Object.hasOwnProperty.call(m, "Term")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.Term = typeof m.Term === "number" ? $BigInt(m.Term) : $util.Long.fromBits(m.Term.low >>> 0, m.Term.high >>> 0, true).toBigInt();
                else if (typeof m.Term === "number")
                    d.Term = o.longs === $String ? $String(m.Term) : m.Term;
                else
                    d.Term = o.longs === $String ? $util.Long.prototype.toString.call(m.Term) : o.longs === $Number ? new $util.LongBits(m.Term.low >>> 0, m.Term.high >>> 0).toNumber(true) : m.Term;
            }
            if (m.Index != null && $Object.hasOwnProperty.call(m, "Index")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.Index = typeof m.Index === "number" ? $BigInt(m.Index) : $util.Long.fromBits(m.Index.low >>> 0, m.Index.high >>> 0, true).toBigInt();
                else if (typeof m.Index === "number")
                    d.Index = o.longs === $String ? $String(m.Index) : m.Index;
                else
                    d.Index = o.longs === $String ? $util.Long.prototype.toString.call(m.Index) : o.longs === $Number ? new $util.LongBits(m.Index.low >>> 0, m.Index.high >>> 0).toNumber(true) : m.Index;
            }
            if (m.Data != null && $Object.hasOwnProperty.call(m, "Data")) {
                d.Data = o.bytes === $String ? $util.base64.encode(m.Data, 0, m.Data.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.Data) : m.Data;
            }
            return d;
        };

        /**
         * Converts this Entry to JSON.
         * @function toJSON
         * @memberof raftpb.Entry
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Entry.prototype.toJSON = function() {
            return Entry.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Entry
         * @function getTypeUrl
         * @memberof raftpb.Entry
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Entry.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/raftpb.Entry";
        };

        return Entry;
    })();

    raftpb.SnapshotMetadata = (function() {

        /**
         * Properties of a SnapshotMetadata.
         * @typedef {Object} raftpb.SnapshotMetadata.$Properties
         * @property {raftpb.ConfState.$Properties|null} [confState] SnapshotMetadata confState
         * @property {number|Long|null} [index] SnapshotMetadata index
         * @property {number|Long|null} [term] SnapshotMetadata term
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SnapshotMetadata.
         * @memberof raftpb
         * @interface ISnapshotMetadata
         * @augments raftpb.SnapshotMetadata.$Properties
         * @deprecated Use raftpb.SnapshotMetadata.$Properties instead.
         */

        /**
         * Shape of a SnapshotMetadata.
         * @typedef {raftpb.SnapshotMetadata.$Properties} raftpb.SnapshotMetadata.$Shape
         */

        /**
         * Constructs a new SnapshotMetadata.
         * @memberof raftpb
         * @classdesc Represents a SnapshotMetadata.
         * @constructor
         * @param {raftpb.SnapshotMetadata.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SnapshotMetadata = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * SnapshotMetadata confState.
         * @member {raftpb.ConfState.$Properties|null|undefined} confState
         * @memberof raftpb.SnapshotMetadata
         * @instance
         */
        SnapshotMetadata.prototype.confState = null;

        /**
         * SnapshotMetadata index.
         * @member {number|Long} index
         * @memberof raftpb.SnapshotMetadata
         * @instance
         */
        SnapshotMetadata.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SnapshotMetadata term.
         * @member {number|Long} term
         * @memberof raftpb.SnapshotMetadata
         * @instance
         */
        SnapshotMetadata.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new SnapshotMetadata instance using the specified properties.
         * @function create
         * @memberof raftpb.SnapshotMetadata
         * @static
         * @param {raftpb.SnapshotMetadata.$Properties=} [properties] Properties to set
         * @returns {raftpb.SnapshotMetadata} SnapshotMetadata instance
         * @type {{
         *   (properties: raftpb.SnapshotMetadata.$Shape): raftpb.SnapshotMetadata & raftpb.SnapshotMetadata.$Shape;
         *   (properties?: raftpb.SnapshotMetadata.$Properties): raftpb.SnapshotMetadata;
         * }}
         */
        SnapshotMetadata.create = function(properties) {
            return new SnapshotMetadata(properties);
        };

        /**
         * Encodes the specified SnapshotMetadata message. Does not implicitly {@link raftpb.SnapshotMetadata.verify|verify} messages.
         * @function encode
         * @memberof raftpb.SnapshotMetadata
         * @static
         * @param {raftpb.SnapshotMetadata.$Properties} m SnapshotMetadata message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SnapshotMetadata.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.confState != null && $Object.hasOwnProperty.call(m, "confState"))
                $root.raftpb.ConfState.encode(m.confState, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
            if (m.index != null && $Object.hasOwnProperty.call(m, "index") && (typeof m.index === "object" ? m.index.low || m.index.high : m.index !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.index);
            if (m.term != null && $Object.hasOwnProperty.call(m, "term") && (typeof m.term === "object" ? m.term.low || m.term.high : m.term !== 0))
                w.uint32(/* id 3, wireType 0 =*/24).uint64(m.term);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a SnapshotMetadata message from the specified reader or buffer.
         * @function decode
         * @memberof raftpb.SnapshotMetadata
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {raftpb.SnapshotMetadata & raftpb.SnapshotMetadata.$Shape} SnapshotMetadata
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SnapshotMetadata.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.raftpb.SnapshotMetadata();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        m.confState = $root.raftpb.ConfState.decode(r, r.size(), $undefined, q + 1, m.confState);
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.index = v;
                        else
                            delete m.index;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.term = v;
                        else
                            delete m.term;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a SnapshotMetadata message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof raftpb.SnapshotMetadata
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {raftpb.SnapshotMetadata} SnapshotMetadata
         */
        SnapshotMetadata.fromObject = function (d, q) {
            if (d instanceof $root.raftpb.SnapshotMetadata)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".raftpb.SnapshotMetadata: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.raftpb.SnapshotMetadata();
            if (d.confState != null) {
                if (!$util.isObject(d.confState))
                    throw $TypeError(".raftpb.SnapshotMetadata.confState: object expected");
                m.confState = $root.raftpb.ConfState.fromObject(d.confState, q + 1);
            }
            if (d.index != null) {
                if (typeof d.index === "object" ? d.index.low || d.index.high : $Number(d.index) !== 0) {
                    if ($util.Long)
                        m.index = $util.Long.fromValue(d.index, true);
                    else if (typeof d.index === "string")
                        m.index = $parseInt(d.index, 10);
                    else if (typeof d.index === "number")
                        m.index = d.index;
                    else if (typeof d.index === "object")
                        m.index = new $util.LongBits(d.index.low >>> 0, d.index.high >>> 0).toNumber(true);
                }
            }
            if (d.term != null) {
                if (typeof d.term === "object" ? d.term.low || d.term.high : $Number(d.term) !== 0) {
                    if ($util.Long)
                        m.term = $util.Long.fromValue(d.term, true);
                    else if (typeof d.term === "string")
                        m.term = $parseInt(d.term, 10);
                    else if (typeof d.term === "number")
                        m.term = d.term;
                    else if (typeof d.term === "object")
                        m.term = new $util.LongBits(d.term.low >>> 0, d.term.high >>> 0).toNumber(true);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a SnapshotMetadata message. Also converts values to other types if specified.
         * @function toObject
         * @memberof raftpb.SnapshotMetadata
         * @static
         * @param {raftpb.SnapshotMetadata} m SnapshotMetadata
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SnapshotMetadata.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.confState = null;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.index = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.index = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.term = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.term = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.confState != null && $Object.hasOwnProperty.call(m, "confState")) {
                d.confState = $root.raftpb.ConfState.toObject(m.confState, o, q + 1);
            }
            if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.index = typeof m.index === "number" ? $BigInt(m.index) : $util.Long.fromBits(m.index.low >>> 0, m.index.high >>> 0, true).toBigInt();
                else if (typeof m.index === "number")
                    d.index = o.longs === $String ? $String(m.index) : m.index;
                else
                    d.index = o.longs === $String ? $util.Long.prototype.toString.call(m.index) : o.longs === $Number ? new $util.LongBits(m.index.low >>> 0, m.index.high >>> 0).toNumber(true) : m.index;
            }
            if (m.term != null && $Object.hasOwnProperty.call(m, "term")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.term = typeof m.term === "number" ? $BigInt(m.term) : $util.Long.fromBits(m.term.low >>> 0, m.term.high >>> 0, true).toBigInt();
                else if (typeof m.term === "number")
                    d.term = o.longs === $String ? $String(m.term) : m.term;
                else
                    d.term = o.longs === $String ? $util.Long.prototype.toString.call(m.term) : o.longs === $Number ? new $util.LongBits(m.term.low >>> 0, m.term.high >>> 0).toNumber(true) : m.term;
            }
            return d;
        };

        /**
         * Converts this SnapshotMetadata to JSON.
         * @function toJSON
         * @memberof raftpb.SnapshotMetadata
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SnapshotMetadata.prototype.toJSON = function() {
            return SnapshotMetadata.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for SnapshotMetadata
         * @function getTypeUrl
         * @memberof raftpb.SnapshotMetadata
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SnapshotMetadata.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/raftpb.SnapshotMetadata";
        };

        return SnapshotMetadata;
    })();

    raftpb.Snapshot = (function() {

        /**
         * Properties of a Snapshot.
         * @typedef {Object} raftpb.Snapshot.$Properties
         * @property {Uint8Array|null} [data] Snapshot data
         * @property {raftpb.SnapshotMetadata.$Properties|null} [metadata] Snapshot metadata
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Snapshot.
         * @memberof raftpb
         * @interface ISnapshot
         * @augments raftpb.Snapshot.$Properties
         * @deprecated Use raftpb.Snapshot.$Properties instead.
         */

        /**
         * Shape of a Snapshot.
         * @typedef {raftpb.Snapshot.$Properties} raftpb.Snapshot.$Shape
         */

        /**
         * Constructs a new Snapshot.
         * @memberof raftpb
         * @classdesc Represents a Snapshot.
         * @constructor
         * @param {raftpb.Snapshot.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Snapshot = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Snapshot data.
         * @member {Uint8Array} data
         * @memberof raftpb.Snapshot
         * @instance
         */
        Snapshot.prototype.data = $util.newBuffer([]);

        /**
         * Snapshot metadata.
         * @member {raftpb.SnapshotMetadata.$Properties|null|undefined} metadata
         * @memberof raftpb.Snapshot
         * @instance
         */
        Snapshot.prototype.metadata = null;

        /**
         * Creates a new Snapshot instance using the specified properties.
         * @function create
         * @memberof raftpb.Snapshot
         * @static
         * @param {raftpb.Snapshot.$Properties=} [properties] Properties to set
         * @returns {raftpb.Snapshot} Snapshot instance
         * @type {{
         *   (properties: raftpb.Snapshot.$Shape): raftpb.Snapshot & raftpb.Snapshot.$Shape;
         *   (properties?: raftpb.Snapshot.$Properties): raftpb.Snapshot;
         * }}
         */
        Snapshot.create = function(properties) {
            return new Snapshot(properties);
        };

        /**
         * Encodes the specified Snapshot message. Does not implicitly {@link raftpb.Snapshot.verify|verify} messages.
         * @function encode
         * @memberof raftpb.Snapshot
         * @static
         * @param {raftpb.Snapshot.$Properties} m Snapshot message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Snapshot.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                w.uint32(/* id 1, wireType 2 =*/10).bytes(m.data);
            if (m.metadata != null && $Object.hasOwnProperty.call(m, "metadata"))
                $root.raftpb.SnapshotMetadata.encode(m.metadata, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a Snapshot message from the specified reader or buffer.
         * @function decode
         * @memberof raftpb.Snapshot
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {raftpb.Snapshot & raftpb.Snapshot.$Shape} Snapshot
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Snapshot.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.raftpb.Snapshot();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.data = v;
                        else
                            delete m.data;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        m.metadata = $root.raftpb.SnapshotMetadata.decode(r, r.size(), $undefined, q + 1, m.metadata);
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a Snapshot message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof raftpb.Snapshot
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {raftpb.Snapshot} Snapshot
         */
        Snapshot.fromObject = function (d, q) {
            if (d instanceof $root.raftpb.Snapshot)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".raftpb.Snapshot: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.raftpb.Snapshot();
            if (d.data != null) {
                if (d.data.length) {
                    if (typeof d.data === "string")
                        $util.base64.decode(d.data, m.data = $util.newBuffer($util.base64.length(d.data)), 0);
                    else if (d.data.length >= 0)
                        m.data = d.data;
                }
            }
            if (d.metadata != null) {
                if (!$util.isObject(d.metadata))
                    throw $TypeError(".raftpb.Snapshot.metadata: object expected");
                m.metadata = $root.raftpb.SnapshotMetadata.fromObject(d.metadata, q + 1);
            }
            return m;
        };

        /**
         * Creates a plain object from a Snapshot message. Also converts values to other types if specified.
         * @function toObject
         * @memberof raftpb.Snapshot
         * @static
         * @param {raftpb.Snapshot} m Snapshot
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Snapshot.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                if (o.bytes === $String)
                    d.data = "";
                else {
                    d.data = [];
                    if (o.bytes !== $Array)
                        d.data = $util.newBuffer(d.data);
                }
                d.metadata = null;
            }
            if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                d.data = o.bytes === $String ? $util.base64.encode(m.data, 0, m.data.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.data) : m.data;
            }
            if (m.metadata != null && $Object.hasOwnProperty.call(m, "metadata")) {
                d.metadata = $root.raftpb.SnapshotMetadata.toObject(m.metadata, o, q + 1);
            }
            return d;
        };

        /**
         * Converts this Snapshot to JSON.
         * @function toJSON
         * @memberof raftpb.Snapshot
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Snapshot.prototype.toJSON = function() {
            return Snapshot.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Snapshot
         * @function getTypeUrl
         * @memberof raftpb.Snapshot
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Snapshot.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/raftpb.Snapshot";
        };

        return Snapshot;
    })();

    /**
     * MessageType enum.
     * @name raftpb.MessageType
     * @enum {number}
     * @property {number} MsgHup=0 MsgHup value
     * @property {number} MsgBeat=1 MsgBeat value
     * @property {number} MsgProp=2 MsgProp value
     * @property {number} MsgApp=3 MsgApp value
     * @property {number} MsgAppResp=4 MsgAppResp value
     * @property {number} MsgVote=5 MsgVote value
     * @property {number} MsgVoteResp=6 MsgVoteResp value
     * @property {number} MsgSnap=7 MsgSnap value
     * @property {number} MsgHeartbeat=8 MsgHeartbeat value
     * @property {number} MsgHeartbeatResp=9 MsgHeartbeatResp value
     * @property {number} MsgUnreachable=10 MsgUnreachable value
     * @property {number} MsgSnapStatus=11 MsgSnapStatus value
     * @property {number} MsgCheckQuorum=12 MsgCheckQuorum value
     * @property {number} MsgTransferLeader=13 MsgTransferLeader value
     * @property {number} MsgTimeoutNow=14 MsgTimeoutNow value
     * @property {number} MsgReadIndex=15 MsgReadIndex value
     * @property {number} MsgReadIndexResp=16 MsgReadIndexResp value
     * @property {number} MsgPreVote=17 MsgPreVote value
     * @property {number} MsgPreVoteResp=18 MsgPreVoteResp value
     */
    raftpb.MessageType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "MsgHup"] = 0;
        values[valuesById[1] = "MsgBeat"] = 1;
        values[valuesById[2] = "MsgProp"] = 2;
        values[valuesById[3] = "MsgApp"] = 3;
        values[valuesById[4] = "MsgAppResp"] = 4;
        values[valuesById[5] = "MsgVote"] = 5;
        values[valuesById[6] = "MsgVoteResp"] = 6;
        values[valuesById[7] = "MsgSnap"] = 7;
        values[valuesById[8] = "MsgHeartbeat"] = 8;
        values[valuesById[9] = "MsgHeartbeatResp"] = 9;
        values[valuesById[10] = "MsgUnreachable"] = 10;
        values[valuesById[11] = "MsgSnapStatus"] = 11;
        values[valuesById[12] = "MsgCheckQuorum"] = 12;
        values[valuesById[13] = "MsgTransferLeader"] = 13;
        values[valuesById[14] = "MsgTimeoutNow"] = 14;
        values[valuesById[15] = "MsgReadIndex"] = 15;
        values[valuesById[16] = "MsgReadIndexResp"] = 16;
        values[valuesById[17] = "MsgPreVote"] = 17;
        values[valuesById[18] = "MsgPreVoteResp"] = 18;
        return values;
    })();

    raftpb.Message = (function() {

        /**
         * Properties of a Message.
         * @typedef {Object} raftpb.Message.$Properties
         * @property {raftpb.MessageType|null} [type] Message type
         * @property {number|Long|null} [to] Message to
         * @property {number|Long|null} [from] Message from
         * @property {number|Long|null} [term] Message term
         * @property {number|Long|null} [logTerm] Message logTerm
         * @property {number|Long|null} [index] Message index
         * @property {Array.<raftpb.Entry.$Properties>|null} [entries] Message entries
         * @property {number|Long|null} [commit] Message commit
         * @property {raftpb.Snapshot.$Properties|null} [snapshot] Message snapshot
         * @property {boolean|null} [reject] Message reject
         * @property {number|Long|null} [rejectHint] Message rejectHint
         * @property {Uint8Array|null} [context] Message context
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Message.
         * @memberof raftpb
         * @interface IMessage
         * @augments raftpb.Message.$Properties
         * @deprecated Use raftpb.Message.$Properties instead.
         */

        /**
         * Shape of a Message.
         * @typedef {raftpb.Message.$Properties} raftpb.Message.$Shape
         */

        /**
         * Constructs a new Message.
         * @memberof raftpb
         * @classdesc Represents a Message.
         * @constructor
         * @param {raftpb.Message.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Message = function (p) {
            this.entries = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Message type.
         * @member {raftpb.MessageType} type
         * @memberof raftpb.Message
         * @instance
         */
        Message.prototype.type = 0;

        /**
         * Message to.
         * @member {number|Long} to
         * @memberof raftpb.Message
         * @instance
         */
        Message.prototype.to = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Message from.
         * @member {number|Long} from
         * @memberof raftpb.Message
         * @instance
         */
        Message.prototype.from = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Message term.
         * @member {number|Long} term
         * @memberof raftpb.Message
         * @instance
         */
        Message.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Message logTerm.
         * @member {number|Long} logTerm
         * @memberof raftpb.Message
         * @instance
         */
        Message.prototype.logTerm = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Message index.
         * @member {number|Long} index
         * @memberof raftpb.Message
         * @instance
         */
        Message.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Message entries.
         * @member {Array.<raftpb.Entry.$Properties>} entries
         * @memberof raftpb.Message
         * @instance
         */
        Message.prototype.entries = $util.emptyArray;

        /**
         * Message commit.
         * @member {number|Long} commit
         * @memberof raftpb.Message
         * @instance
         */
        Message.prototype.commit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Message snapshot.
         * @member {raftpb.Snapshot.$Properties|null|undefined} snapshot
         * @memberof raftpb.Message
         * @instance
         */
        Message.prototype.snapshot = null;

        /**
         * Message reject.
         * @member {boolean} reject
         * @memberof raftpb.Message
         * @instance
         */
        Message.prototype.reject = false;

        /**
         * Message rejectHint.
         * @member {number|Long} rejectHint
         * @memberof raftpb.Message
         * @instance
         */
        Message.prototype.rejectHint = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Message context.
         * @member {Uint8Array} context
         * @memberof raftpb.Message
         * @instance
         */
        Message.prototype.context = $util.newBuffer([]);

        /**
         * Creates a new Message instance using the specified properties.
         * @function create
         * @memberof raftpb.Message
         * @static
         * @param {raftpb.Message.$Properties=} [properties] Properties to set
         * @returns {raftpb.Message} Message instance
         * @type {{
         *   (properties: raftpb.Message.$Shape): raftpb.Message & raftpb.Message.$Shape;
         *   (properties?: raftpb.Message.$Properties): raftpb.Message;
         * }}
         */
        Message.create = function(properties) {
            return new Message(properties);
        };

        /**
         * Encodes the specified Message message. Does not implicitly {@link raftpb.Message.verify|verify} messages.
         * @function encode
         * @memberof raftpb.Message
         * @static
         * @param {raftpb.Message.$Properties} m Message message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Message.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.to != null && $Object.hasOwnProperty.call(m, "to") && (typeof m.to === "object" ? m.to.low || m.to.high : m.to !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.to);
            if (m.from != null && $Object.hasOwnProperty.call(m, "from") && (typeof m.from === "object" ? m.from.low || m.from.high : m.from !== 0))
                w.uint32(/* id 3, wireType 0 =*/24).uint64(m.from);
            if (m.term != null && $Object.hasOwnProperty.call(m, "term") && (typeof m.term === "object" ? m.term.low || m.term.high : m.term !== 0))
                w.uint32(/* id 4, wireType 0 =*/32).uint64(m.term);
            if (m.logTerm != null && $Object.hasOwnProperty.call(m, "logTerm") && (typeof m.logTerm === "object" ? m.logTerm.low || m.logTerm.high : m.logTerm !== 0))
                w.uint32(/* id 5, wireType 0 =*/40).uint64(m.logTerm);
            if (m.index != null && $Object.hasOwnProperty.call(m, "index") && (typeof m.index === "object" ? m.index.low || m.index.high : m.index !== 0))
                w.uint32(/* id 6, wireType 0 =*/48).uint64(m.index);
            if (m.entries != null && m.entries.length) {
                for (var i = 0; i < m.entries.length; ++i)
                    $root.raftpb.Entry.encode(m.entries[i], w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
            }
            if (m.commit != null && $Object.hasOwnProperty.call(m, "commit") && (typeof m.commit === "object" ? m.commit.low || m.commit.high : m.commit !== 0))
                w.uint32(/* id 8, wireType 0 =*/64).uint64(m.commit);
            if (m.snapshot != null && $Object.hasOwnProperty.call(m, "snapshot"))
                $root.raftpb.Snapshot.encode(m.snapshot, w.uint32(/* id 9, wireType 2 =*/74).fork(), q + 1).ldelim();
            if (m.reject != null && $Object.hasOwnProperty.call(m, "reject") && m.reject !== false)
                w.uint32(/* id 10, wireType 0 =*/80).bool(m.reject);
            if (m.rejectHint != null && $Object.hasOwnProperty.call(m, "rejectHint") && (typeof m.rejectHint === "object" ? m.rejectHint.low || m.rejectHint.high : m.rejectHint !== 0))
                w.uint32(/* id 11, wireType 0 =*/88).uint64(m.rejectHint);
            if (m.context != null && $Object.hasOwnProperty.call(m, "context") && m.context.length)
                w.uint32(/* id 12, wireType 2 =*/98).bytes(m.context);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a Message message from the specified reader or buffer.
         * @function decode
         * @memberof raftpb.Message
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {raftpb.Message & raftpb.Message.$Shape} Message
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Message.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.raftpb.Message();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.to = v;
                        else
                            delete m.to;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.from = v;
                        else
                            delete m.from;
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.term = v;
                        else
                            delete m.term;
                        continue;
                    }
                case 5: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.logTerm = v;
                        else
                            delete m.logTerm;
                        continue;
                    }
                case 6: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.index = v;
                        else
                            delete m.index;
                        continue;
                    }
                case 7: {
                        if (u !== 2)
                            break;
                        if (!(m.entries && m.entries.length))
                            m.entries = [];
                        m.entries.push($root.raftpb.Entry.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 8: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.commit = v;
                        else
                            delete m.commit;
                        continue;
                    }
                case 9: {
                        if (u !== 2)
                            break;
                        m.snapshot = $root.raftpb.Snapshot.decode(r, r.size(), $undefined, q + 1, m.snapshot);
                        continue;
                    }
                case 10: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.reject = v;
                        else
                            delete m.reject;
                        continue;
                    }
                case 11: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.rejectHint = v;
                        else
                            delete m.rejectHint;
                        continue;
                    }
                case 12: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.context = v;
                        else
                            delete m.context;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a Message message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof raftpb.Message
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {raftpb.Message} Message
         */
        Message.fromObject = function (d, q) {
            if (d instanceof $root.raftpb.Message)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".raftpb.Message: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.raftpb.Message();
            if (d.type !== 0 && (typeof d.type !== "string" || $root.raftpb.MessageType[d.type] !== 0)) {
                switch (d.type) {
                case "MsgHup":
                case 0:
                    m.type = 0;
                    break;
                case "MsgBeat":
                case 1:
                    m.type = 1;
                    break;
                case "MsgProp":
                case 2:
                    m.type = 2;
                    break;
                case "MsgApp":
                case 3:
                    m.type = 3;
                    break;
                case "MsgAppResp":
                case 4:
                    m.type = 4;
                    break;
                case "MsgVote":
                case 5:
                    m.type = 5;
                    break;
                case "MsgVoteResp":
                case 6:
                    m.type = 6;
                    break;
                case "MsgSnap":
                case 7:
                    m.type = 7;
                    break;
                case "MsgHeartbeat":
                case 8:
                    m.type = 8;
                    break;
                case "MsgHeartbeatResp":
                case 9:
                    m.type = 9;
                    break;
                case "MsgUnreachable":
                case 10:
                    m.type = 10;
                    break;
                case "MsgSnapStatus":
                case 11:
                    m.type = 11;
                    break;
                case "MsgCheckQuorum":
                case 12:
                    m.type = 12;
                    break;
                case "MsgTransferLeader":
                case 13:
                    m.type = 13;
                    break;
                case "MsgTimeoutNow":
                case 14:
                    m.type = 14;
                    break;
                case "MsgReadIndex":
                case 15:
                    m.type = 15;
                    break;
                case "MsgReadIndexResp":
                case 16:
                    m.type = 16;
                    break;
                case "MsgPreVote":
                case 17:
                    m.type = 17;
                    break;
                case "MsgPreVoteResp":
                case 18:
                    m.type = 18;
                    break;
                default:
                    if (typeof d.type === "number" && (d.type | 0) === d.type)
                        m.type = d.type;
                }
            }
            if (d.to != null) {
                if (typeof d.to === "object" ? d.to.low || d.to.high : $Number(d.to) !== 0) {
                    if ($util.Long)
                        m.to = $util.Long.fromValue(d.to, true);
                    else if (typeof d.to === "string")
                        m.to = $parseInt(d.to, 10);
                    else if (typeof d.to === "number")
                        m.to = d.to;
                    else if (typeof d.to === "object")
                        m.to = new $util.LongBits(d.to.low >>> 0, d.to.high >>> 0).toNumber(true);
                }
            }
            if (d.from != null) {
                if (typeof d.from === "object" ? d.from.low || d.from.high : $Number(d.from) !== 0) {
                    if ($util.Long)
                        m.from = $util.Long.fromValue(d.from, true);
                    else if (typeof d.from === "string")
                        m.from = $parseInt(d.from, 10);
                    else if (typeof d.from === "number")
                        m.from = d.from;
                    else if (typeof d.from === "object")
                        m.from = new $util.LongBits(d.from.low >>> 0, d.from.high >>> 0).toNumber(true);
                }
            }
            if (d.term != null) {
                if (typeof d.term === "object" ? d.term.low || d.term.high : $Number(d.term) !== 0) {
                    if ($util.Long)
                        m.term = $util.Long.fromValue(d.term, true);
                    else if (typeof d.term === "string")
                        m.term = $parseInt(d.term, 10);
                    else if (typeof d.term === "number")
                        m.term = d.term;
                    else if (typeof d.term === "object")
                        m.term = new $util.LongBits(d.term.low >>> 0, d.term.high >>> 0).toNumber(true);
                }
            }
            if (d.logTerm != null) {
                if (typeof d.logTerm === "object" ? d.logTerm.low || d.logTerm.high : $Number(d.logTerm) !== 0) {
                    if ($util.Long)
                        m.logTerm = $util.Long.fromValue(d.logTerm, true);
                    else if (typeof d.logTerm === "string")
                        m.logTerm = $parseInt(d.logTerm, 10);
                    else if (typeof d.logTerm === "number")
                        m.logTerm = d.logTerm;
                    else if (typeof d.logTerm === "object")
                        m.logTerm = new $util.LongBits(d.logTerm.low >>> 0, d.logTerm.high >>> 0).toNumber(true);
                }
            }
            if (d.index != null) {
                if (typeof d.index === "object" ? d.index.low || d.index.high : $Number(d.index) !== 0) {
                    if ($util.Long)
                        m.index = $util.Long.fromValue(d.index, true);
                    else if (typeof d.index === "string")
                        m.index = $parseInt(d.index, 10);
                    else if (typeof d.index === "number")
                        m.index = d.index;
                    else if (typeof d.index === "object")
                        m.index = new $util.LongBits(d.index.low >>> 0, d.index.high >>> 0).toNumber(true);
                }
            }
            if (d.entries) {
                if (!$Array.isArray(d.entries))
                    throw $TypeError(".raftpb.Message.entries: array expected");
                m.entries = $Array(d.entries.length);
                for (var i = 0; i < d.entries.length; ++i) {
                    if (!$util.isObject(d.entries[i]))
                        throw $TypeError(".raftpb.Message.entries: object expected");
                    m.entries[i] = $root.raftpb.Entry.fromObject(d.entries[i], q + 1);
                }
            }
            if (d.commit != null) {
                if (typeof d.commit === "object" ? d.commit.low || d.commit.high : $Number(d.commit) !== 0) {
                    if ($util.Long)
                        m.commit = $util.Long.fromValue(d.commit, true);
                    else if (typeof d.commit === "string")
                        m.commit = $parseInt(d.commit, 10);
                    else if (typeof d.commit === "number")
                        m.commit = d.commit;
                    else if (typeof d.commit === "object")
                        m.commit = new $util.LongBits(d.commit.low >>> 0, d.commit.high >>> 0).toNumber(true);
                }
            }
            if (d.snapshot != null) {
                if (!$util.isObject(d.snapshot))
                    throw $TypeError(".raftpb.Message.snapshot: object expected");
                m.snapshot = $root.raftpb.Snapshot.fromObject(d.snapshot, q + 1);
            }
            if (d.reject != null) {
                if (d.reject) {
                    m.reject = $Boolean(d.reject);
                }
            }
            if (d.rejectHint != null) {
                if (typeof d.rejectHint === "object" ? d.rejectHint.low || d.rejectHint.high : $Number(d.rejectHint) !== 0) {
                    if ($util.Long)
                        m.rejectHint = $util.Long.fromValue(d.rejectHint, true);
                    else if (typeof d.rejectHint === "string")
                        m.rejectHint = $parseInt(d.rejectHint, 10);
                    else if (typeof d.rejectHint === "number")
                        m.rejectHint = d.rejectHint;
                    else if (typeof d.rejectHint === "object")
                        m.rejectHint = new $util.LongBits(d.rejectHint.low >>> 0, d.rejectHint.high >>> 0).toNumber(true);
                }
            }
            if (d.context != null) {
                if (d.context.length) {
                    if (typeof d.context === "string")
                        $util.base64.decode(d.context, m.context = $util.newBuffer($util.base64.length(d.context)), 0);
                    else if (d.context.length >= 0)
                        m.context = d.context;
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a Message message. Also converts values to other types if specified.
         * @function toObject
         * @memberof raftpb.Message
         * @static
         * @param {raftpb.Message} m Message
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Message.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.entries = [];
            }
            if (o.defaults) {
                d.type = o.enums === $String ? "MsgHup" : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.to = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.to = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.from = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.from = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.term = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.term = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.logTerm = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.logTerm = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.index = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.index = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.commit = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.commit = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                d.snapshot = null;
                d.reject = false;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.rejectHint = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.rejectHint = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if (o.bytes === $String)
                    d.context = "";
                else {
                    d.context = [];
                    if (o.bytes !== $Array)
                        d.context = $util.newBuffer(d.context);
                }
            }
            if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                d.type = o.enums === $String ? $root.raftpb.MessageType[m.type] === $undefined ? m.type : $root.raftpb.MessageType[m.type] : m.type;
            }
            if (m.to != null && $Object.hasOwnProperty.call(m, "to")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.to = typeof m.to === "number" ? $BigInt(m.to) : $util.Long.fromBits(m.to.low >>> 0, m.to.high >>> 0, true).toBigInt();
                else if (typeof m.to === "number")
                    d.to = o.longs === $String ? $String(m.to) : m.to;
                else
                    d.to = o.longs === $String ? $util.Long.prototype.toString.call(m.to) : o.longs === $Number ? new $util.LongBits(m.to.low >>> 0, m.to.high >>> 0).toNumber(true) : m.to;
            }
            if (m.from != null && $Object.hasOwnProperty.call(m, "from")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.from = typeof m.from === "number" ? $BigInt(m.from) : $util.Long.fromBits(m.from.low >>> 0, m.from.high >>> 0, true).toBigInt();
                else if (typeof m.from === "number")
                    d.from = o.longs === $String ? $String(m.from) : m.from;
                else
                    d.from = o.longs === $String ? $util.Long.prototype.toString.call(m.from) : o.longs === $Number ? new $util.LongBits(m.from.low >>> 0, m.from.high >>> 0).toNumber(true) : m.from;
            }
            if (m.term != null && $Object.hasOwnProperty.call(m, "term")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.term = typeof m.term === "number" ? $BigInt(m.term) : $util.Long.fromBits(m.term.low >>> 0, m.term.high >>> 0, true).toBigInt();
                else if (typeof m.term === "number")
                    d.term = o.longs === $String ? $String(m.term) : m.term;
                else
                    d.term = o.longs === $String ? $util.Long.prototype.toString.call(m.term) : o.longs === $Number ? new $util.LongBits(m.term.low >>> 0, m.term.high >>> 0).toNumber(true) : m.term;
            }
            if (m.logTerm != null && $Object.hasOwnProperty.call(m, "logTerm")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.logTerm = typeof m.logTerm === "number" ? $BigInt(m.logTerm) : $util.Long.fromBits(m.logTerm.low >>> 0, m.logTerm.high >>> 0, true).toBigInt();
                else if (typeof m.logTerm === "number")
                    d.logTerm = o.longs === $String ? $String(m.logTerm) : m.logTerm;
                else
                    d.logTerm = o.longs === $String ? $util.Long.prototype.toString.call(m.logTerm) : o.longs === $Number ? new $util.LongBits(m.logTerm.low >>> 0, m.logTerm.high >>> 0).toNumber(true) : m.logTerm;
            }
            if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.index = typeof m.index === "number" ? $BigInt(m.index) : $util.Long.fromBits(m.index.low >>> 0, m.index.high >>> 0, true).toBigInt();
                else if (typeof m.index === "number")
                    d.index = o.longs === $String ? $String(m.index) : m.index;
                else
                    d.index = o.longs === $String ? $util.Long.prototype.toString.call(m.index) : o.longs === $Number ? new $util.LongBits(m.index.low >>> 0, m.index.high >>> 0).toNumber(true) : m.index;
            }
            if (m.entries && m.entries.length) {
                d.entries = $Array(m.entries.length);
                for (var j = 0; j < m.entries.length; ++j) {
                    d.entries[j] = $root.raftpb.Entry.toObject(m.entries[j], o, q + 1);
                }
            }
            if (m.commit != null && $Object.hasOwnProperty.call(m, "commit")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.commit = typeof m.commit === "number" ? $BigInt(m.commit) : $util.Long.fromBits(m.commit.low >>> 0, m.commit.high >>> 0, true).toBigInt();
                else if (typeof m.commit === "number")
                    d.commit = o.longs === $String ? $String(m.commit) : m.commit;
                else
                    d.commit = o.longs === $String ? $util.Long.prototype.toString.call(m.commit) : o.longs === $Number ? new $util.LongBits(m.commit.low >>> 0, m.commit.high >>> 0).toNumber(true) : m.commit;
            }
            if (m.snapshot != null && $Object.hasOwnProperty.call(m, "snapshot")) {
                d.snapshot = $root.raftpb.Snapshot.toObject(m.snapshot, o, q + 1);
            }
            if (m.reject != null && $Object.hasOwnProperty.call(m, "reject")) {
                d.reject = m.reject;
            }
            if (m.rejectHint != null && $Object.hasOwnProperty.call(m, "rejectHint")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.rejectHint = typeof m.rejectHint === "number" ? $BigInt(m.rejectHint) : $util.Long.fromBits(m.rejectHint.low >>> 0, m.rejectHint.high >>> 0, true).toBigInt();
                else if (typeof m.rejectHint === "number")
                    d.rejectHint = o.longs === $String ? $String(m.rejectHint) : m.rejectHint;
                else
                    d.rejectHint = o.longs === $String ? $util.Long.prototype.toString.call(m.rejectHint) : o.longs === $Number ? new $util.LongBits(m.rejectHint.low >>> 0, m.rejectHint.high >>> 0).toNumber(true) : m.rejectHint;
            }
            if (m.context != null && $Object.hasOwnProperty.call(m, "context")) {
                d.context = o.bytes === $String ? $util.base64.encode(m.context, 0, m.context.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.context) : m.context;
            }
            return d;
        };

        /**
         * Converts this Message to JSON.
         * @function toJSON
         * @memberof raftpb.Message
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Message.prototype.toJSON = function() {
            return Message.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Message
         * @function getTypeUrl
         * @memberof raftpb.Message
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Message.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/raftpb.Message";
        };

        return Message;
    })();

    raftpb.HardState = (function() {

        /**
         * Properties of a HardState.
         * @typedef {Object} raftpb.HardState.$Properties
         * @property {number|Long|null} [term] HardState term
         * @property {number|Long|null} [vote] HardState vote
         * @property {number|Long|null} [commit] HardState commit
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a HardState.
         * @memberof raftpb
         * @interface IHardState
         * @augments raftpb.HardState.$Properties
         * @deprecated Use raftpb.HardState.$Properties instead.
         */

        /**
         * Shape of a HardState.
         * @typedef {raftpb.HardState.$Properties} raftpb.HardState.$Shape
         */

        /**
         * Constructs a new HardState.
         * @memberof raftpb
         * @classdesc Represents a HardState.
         * @constructor
         * @param {raftpb.HardState.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const HardState = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * HardState term.
         * @member {number|Long} term
         * @memberof raftpb.HardState
         * @instance
         */
        HardState.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * HardState vote.
         * @member {number|Long} vote
         * @memberof raftpb.HardState
         * @instance
         */
        HardState.prototype.vote = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * HardState commit.
         * @member {number|Long} commit
         * @memberof raftpb.HardState
         * @instance
         */
        HardState.prototype.commit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new HardState instance using the specified properties.
         * @function create
         * @memberof raftpb.HardState
         * @static
         * @param {raftpb.HardState.$Properties=} [properties] Properties to set
         * @returns {raftpb.HardState} HardState instance
         * @type {{
         *   (properties: raftpb.HardState.$Shape): raftpb.HardState & raftpb.HardState.$Shape;
         *   (properties?: raftpb.HardState.$Properties): raftpb.HardState;
         * }}
         */
        HardState.create = function(properties) {
            return new HardState(properties);
        };

        /**
         * Encodes the specified HardState message. Does not implicitly {@link raftpb.HardState.verify|verify} messages.
         * @function encode
         * @memberof raftpb.HardState
         * @static
         * @param {raftpb.HardState.$Properties} m HardState message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        HardState.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.term != null && $Object.hasOwnProperty.call(m, "term") && (typeof m.term === "object" ? m.term.low || m.term.high : m.term !== 0))
                w.uint32(/* id 1, wireType 0 =*/8).uint64(m.term);
            if (m.vote != null && $Object.hasOwnProperty.call(m, "vote") && (typeof m.vote === "object" ? m.vote.low || m.vote.high : m.vote !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.vote);
            if (m.commit != null && $Object.hasOwnProperty.call(m, "commit") && (typeof m.commit === "object" ? m.commit.low || m.commit.high : m.commit !== 0))
                w.uint32(/* id 3, wireType 0 =*/24).uint64(m.commit);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a HardState message from the specified reader or buffer.
         * @function decode
         * @memberof raftpb.HardState
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {raftpb.HardState & raftpb.HardState.$Shape} HardState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        HardState.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.raftpb.HardState();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.term = v;
                        else
                            delete m.term;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.vote = v;
                        else
                            delete m.vote;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.commit = v;
                        else
                            delete m.commit;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a HardState message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof raftpb.HardState
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {raftpb.HardState} HardState
         */
        HardState.fromObject = function (d, q) {
            if (d instanceof $root.raftpb.HardState)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".raftpb.HardState: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.raftpb.HardState();
            if (d.term != null) {
                if (typeof d.term === "object" ? d.term.low || d.term.high : $Number(d.term) !== 0) {
                    if ($util.Long)
                        m.term = $util.Long.fromValue(d.term, true);
                    else if (typeof d.term === "string")
                        m.term = $parseInt(d.term, 10);
                    else if (typeof d.term === "number")
                        m.term = d.term;
                    else if (typeof d.term === "object")
                        m.term = new $util.LongBits(d.term.low >>> 0, d.term.high >>> 0).toNumber(true);
                }
            }
            if (d.vote != null) {
                if (typeof d.vote === "object" ? d.vote.low || d.vote.high : $Number(d.vote) !== 0) {
                    if ($util.Long)
                        m.vote = $util.Long.fromValue(d.vote, true);
                    else if (typeof d.vote === "string")
                        m.vote = $parseInt(d.vote, 10);
                    else if (typeof d.vote === "number")
                        m.vote = d.vote;
                    else if (typeof d.vote === "object")
                        m.vote = new $util.LongBits(d.vote.low >>> 0, d.vote.high >>> 0).toNumber(true);
                }
            }
            if (d.commit != null) {
                if (typeof d.commit === "object" ? d.commit.low || d.commit.high : $Number(d.commit) !== 0) {
                    if ($util.Long)
                        m.commit = $util.Long.fromValue(d.commit, true);
                    else if (typeof d.commit === "string")
                        m.commit = $parseInt(d.commit, 10);
                    else if (typeof d.commit === "number")
                        m.commit = d.commit;
                    else if (typeof d.commit === "object")
                        m.commit = new $util.LongBits(d.commit.low >>> 0, d.commit.high >>> 0).toNumber(true);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a HardState message. Also converts values to other types if specified.
         * @function toObject
         * @memberof raftpb.HardState
         * @static
         * @param {raftpb.HardState} m HardState
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        HardState.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.term = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.term = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.vote = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.vote = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.commit = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.commit = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.term != null && $Object.hasOwnProperty.call(m, "term")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.term = typeof m.term === "number" ? $BigInt(m.term) : $util.Long.fromBits(m.term.low >>> 0, m.term.high >>> 0, true).toBigInt();
                else if (typeof m.term === "number")
                    d.term = o.longs === $String ? $String(m.term) : m.term;
                else
                    d.term = o.longs === $String ? $util.Long.prototype.toString.call(m.term) : o.longs === $Number ? new $util.LongBits(m.term.low >>> 0, m.term.high >>> 0).toNumber(true) : m.term;
            }
            if (m.vote != null && $Object.hasOwnProperty.call(m, "vote")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.vote = typeof m.vote === "number" ? $BigInt(m.vote) : $util.Long.fromBits(m.vote.low >>> 0, m.vote.high >>> 0, true).toBigInt();
                else if (typeof m.vote === "number")
                    d.vote = o.longs === $String ? $String(m.vote) : m.vote;
                else
                    d.vote = o.longs === $String ? $util.Long.prototype.toString.call(m.vote) : o.longs === $Number ? new $util.LongBits(m.vote.low >>> 0, m.vote.high >>> 0).toNumber(true) : m.vote;
            }
            if (m.commit != null && $Object.hasOwnProperty.call(m, "commit")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.commit = typeof m.commit === "number" ? $BigInt(m.commit) : $util.Long.fromBits(m.commit.low >>> 0, m.commit.high >>> 0, true).toBigInt();
                else if (typeof m.commit === "number")
                    d.commit = o.longs === $String ? $String(m.commit) : m.commit;
                else
                    d.commit = o.longs === $String ? $util.Long.prototype.toString.call(m.commit) : o.longs === $Number ? new $util.LongBits(m.commit.low >>> 0, m.commit.high >>> 0).toNumber(true) : m.commit;
            }
            return d;
        };

        /**
         * Converts this HardState to JSON.
         * @function toJSON
         * @memberof raftpb.HardState
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        HardState.prototype.toJSON = function() {
            return HardState.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for HardState
         * @function getTypeUrl
         * @memberof raftpb.HardState
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        HardState.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/raftpb.HardState";
        };

        return HardState;
    })();

    raftpb.ConfState = (function() {

        /**
         * Properties of a ConfState.
         * @typedef {Object} raftpb.ConfState.$Properties
         * @property {Array.<number|Long>|null} [voters] ConfState voters
         * @property {Array.<number|Long>|null} [learners] ConfState learners
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ConfState.
         * @memberof raftpb
         * @interface IConfState
         * @augments raftpb.ConfState.$Properties
         * @deprecated Use raftpb.ConfState.$Properties instead.
         */

        /**
         * Shape of a ConfState.
         * @typedef {raftpb.ConfState.$Properties} raftpb.ConfState.$Shape
         */

        /**
         * Constructs a new ConfState.
         * @memberof raftpb
         * @classdesc Represents a ConfState.
         * @constructor
         * @param {raftpb.ConfState.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ConfState = function (p) {
            this.voters = [];
            this.learners = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * ConfState voters.
         * @member {Array.<number|Long>} voters
         * @memberof raftpb.ConfState
         * @instance
         */
        ConfState.prototype.voters = $util.emptyArray;

        /**
         * ConfState learners.
         * @member {Array.<number|Long>} learners
         * @memberof raftpb.ConfState
         * @instance
         */
        ConfState.prototype.learners = $util.emptyArray;

        /**
         * Creates a new ConfState instance using the specified properties.
         * @function create
         * @memberof raftpb.ConfState
         * @static
         * @param {raftpb.ConfState.$Properties=} [properties] Properties to set
         * @returns {raftpb.ConfState} ConfState instance
         * @type {{
         *   (properties: raftpb.ConfState.$Shape): raftpb.ConfState & raftpb.ConfState.$Shape;
         *   (properties?: raftpb.ConfState.$Properties): raftpb.ConfState;
         * }}
         */
        ConfState.create = function(properties) {
            return new ConfState(properties);
        };

        /**
         * Encodes the specified ConfState message. Does not implicitly {@link raftpb.ConfState.verify|verify} messages.
         * @function encode
         * @memberof raftpb.ConfState
         * @static
         * @param {raftpb.ConfState.$Properties} m ConfState message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConfState.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.voters != null && m.voters.length) {
                w.uint32(/* id 1, wireType 2 =*/10).uint64s(m.voters);
            }
            if (m.learners != null && m.learners.length) {
                w.uint32(/* id 2, wireType 2 =*/18).uint64s(m.learners);
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a ConfState message from the specified reader or buffer.
         * @function decode
         * @memberof raftpb.ConfState
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {raftpb.ConfState & raftpb.ConfState.$Shape} ConfState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConfState.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.raftpb.ConfState();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u === 2) {
                            if (!(m.voters && m.voters.length))
                                m.voters = [];
                            r.uint64s(m.voters);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.voters && m.voters.length))
                            m.voters = [];
                        m.voters.push(r.uint64());
                        continue;
                    }
                case 2: {
                        if (u === 2) {
                            if (!(m.learners && m.learners.length))
                                m.learners = [];
                            r.uint64s(m.learners);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.learners && m.learners.length))
                            m.learners = [];
                        m.learners.push(r.uint64());
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a ConfState message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof raftpb.ConfState
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {raftpb.ConfState} ConfState
         */
        ConfState.fromObject = function (d, q) {
            if (d instanceof $root.raftpb.ConfState)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".raftpb.ConfState: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.raftpb.ConfState();
            if (d.voters) {
                if (!$Array.isArray(d.voters))
                    throw $TypeError(".raftpb.ConfState.voters: array expected");
                m.voters = $Array(d.voters.length);
                for (var i = 0; i < d.voters.length; ++i) {
                    if ($util.Long)
                        m.voters[i] = $util.Long.fromValue(d.voters[i], true);
                    else if (typeof d.voters[i] === "string")
                        m.voters[i] = $parseInt(d.voters[i], 10);
                    else if (typeof d.voters[i] === "number")
                        m.voters[i] = d.voters[i];
                    else if (typeof d.voters[i] === "object")
                        m.voters[i] = new $util.LongBits(d.voters[i].low >>> 0, d.voters[i].high >>> 0).toNumber(true);
                }
            }
            if (d.learners) {
                if (!$Array.isArray(d.learners))
                    throw $TypeError(".raftpb.ConfState.learners: array expected");
                m.learners = $Array(d.learners.length);
                for (var i = 0; i < d.learners.length; ++i) {
                    if ($util.Long)
                        m.learners[i] = $util.Long.fromValue(d.learners[i], true);
                    else if (typeof d.learners[i] === "string")
                        m.learners[i] = $parseInt(d.learners[i], 10);
                    else if (typeof d.learners[i] === "number")
                        m.learners[i] = d.learners[i];
                    else if (typeof d.learners[i] === "object")
                        m.learners[i] = new $util.LongBits(d.learners[i].low >>> 0, d.learners[i].high >>> 0).toNumber(true);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a ConfState message. Also converts values to other types if specified.
         * @function toObject
         * @memberof raftpb.ConfState
         * @static
         * @param {raftpb.ConfState} m ConfState
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        ConfState.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.voters = [];
                d.learners = [];
            }
            if (m.voters && m.voters.length) {
                d.voters = $Array(m.voters.length);
                for (var j = 0; j < m.voters.length; ++j) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.voters[j] = typeof m.voters[j] === "number" ? $BigInt(m.voters[j]) : $util.Long.fromBits(m.voters[j].low >>> 0, m.voters[j].high >>> 0, true).toBigInt();
                    else if (typeof m.voters[j] === "number")
                        d.voters[j] = o.longs === $String ? $String(m.voters[j]) : m.voters[j];
                    else
                        d.voters[j] = o.longs === $String ? $util.Long.prototype.toString.call(m.voters[j]) : o.longs === $Number ? new $util.LongBits(m.voters[j].low >>> 0, m.voters[j].high >>> 0).toNumber(true) : m.voters[j];
                }
            }
            if (m.learners && m.learners.length) {
                d.learners = $Array(m.learners.length);
                for (var j = 0; j < m.learners.length; ++j) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.learners[j] = typeof m.learners[j] === "number" ? $BigInt(m.learners[j]) : $util.Long.fromBits(m.learners[j].low >>> 0, m.learners[j].high >>> 0, true).toBigInt();
                    else if (typeof m.learners[j] === "number")
                        d.learners[j] = o.longs === $String ? $String(m.learners[j]) : m.learners[j];
                    else
                        d.learners[j] = o.longs === $String ? $util.Long.prototype.toString.call(m.learners[j]) : o.longs === $Number ? new $util.LongBits(m.learners[j].low >>> 0, m.learners[j].high >>> 0).toNumber(true) : m.learners[j];
                }
            }
            return d;
        };

        /**
         * Converts this ConfState to JSON.
         * @function toJSON
         * @memberof raftpb.ConfState
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        ConfState.prototype.toJSON = function() {
            return ConfState.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for ConfState
         * @function getTypeUrl
         * @memberof raftpb.ConfState
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ConfState.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/raftpb.ConfState";
        };

        return ConfState;
    })();

    /**
     * ConfChangeType enum.
     * @name raftpb.ConfChangeType
     * @enum {number}
     * @property {number} ConfChangeAddNode=0 ConfChangeAddNode value
     * @property {number} ConfChangeRemoveNode=1 ConfChangeRemoveNode value
     * @property {number} ConfChangeUpdateNode=2 ConfChangeUpdateNode value
     * @property {number} ConfChangeAddLearnerNode=3 ConfChangeAddLearnerNode value
     */
    raftpb.ConfChangeType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "ConfChangeAddNode"] = 0;
        values[valuesById[1] = "ConfChangeRemoveNode"] = 1;
        values[valuesById[2] = "ConfChangeUpdateNode"] = 2;
        values[valuesById[3] = "ConfChangeAddLearnerNode"] = 3;
        return values;
    })();

    raftpb.ConfChange = (function() {

        /**
         * Properties of a ConfChange.
         * @typedef {Object} raftpb.ConfChange.$Properties
         * @property {number|Long|null} [ID] ConfChange ID
         * @property {raftpb.ConfChangeType|null} [Type] ConfChange Type
         * @property {number|Long|null} [NodeID] ConfChange NodeID
         * @property {Uint8Array|null} [Context] ConfChange Context
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ConfChange.
         * @memberof raftpb
         * @interface IConfChange
         * @augments raftpb.ConfChange.$Properties
         * @deprecated Use raftpb.ConfChange.$Properties instead.
         */

        /**
         * Shape of a ConfChange.
         * @typedef {raftpb.ConfChange.$Properties} raftpb.ConfChange.$Shape
         */

        /**
         * Constructs a new ConfChange.
         * @memberof raftpb
         * @classdesc Represents a ConfChange.
         * @constructor
         * @param {raftpb.ConfChange.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ConfChange = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * ConfChange ID.
         * @member {number|Long} ID
         * @memberof raftpb.ConfChange
         * @instance
         */
        ConfChange.prototype.ID = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ConfChange Type.
         * @member {raftpb.ConfChangeType} Type
         * @memberof raftpb.ConfChange
         * @instance
         */
        ConfChange.prototype.Type = 0;

        /**
         * ConfChange NodeID.
         * @member {number|Long} NodeID
         * @memberof raftpb.ConfChange
         * @instance
         */
        ConfChange.prototype.NodeID = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ConfChange Context.
         * @member {Uint8Array} Context
         * @memberof raftpb.ConfChange
         * @instance
         */
        ConfChange.prototype.Context = $util.newBuffer([]);

        /**
         * Creates a new ConfChange instance using the specified properties.
         * @function create
         * @memberof raftpb.ConfChange
         * @static
         * @param {raftpb.ConfChange.$Properties=} [properties] Properties to set
         * @returns {raftpb.ConfChange} ConfChange instance
         * @type {{
         *   (properties: raftpb.ConfChange.$Shape): raftpb.ConfChange & raftpb.ConfChange.$Shape;
         *   (properties?: raftpb.ConfChange.$Properties): raftpb.ConfChange;
         * }}
         */
        ConfChange.create = function(properties) {
            return new ConfChange(properties);
        };

        /**
         * Encodes the specified ConfChange message. Does not implicitly {@link raftpb.ConfChange.verify|verify} messages.
         * @function encode
         * @memberof raftpb.ConfChange
         * @static
         * @param {raftpb.ConfChange.$Properties} m ConfChange message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConfChange.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.ID != null && $Object.hasOwnProperty.call(m, "ID") && (typeof m.ID === "object" ? m.ID.low || m.ID.high : m.ID !== 0))
                w.uint32(/* id 1, wireType 0 =*/8).uint64(m.ID);
            if (m.Type != null && $Object.hasOwnProperty.call(m, "Type") && m.Type !== 0)
                w.uint32(/* id 2, wireType 0 =*/16).int32(m.Type);
            if (m.NodeID != null && $Object.hasOwnProperty.call(m, "NodeID") && (typeof m.NodeID === "object" ? m.NodeID.low || m.NodeID.high : m.NodeID !== 0))
                w.uint32(/* id 3, wireType 0 =*/24).uint64(m.NodeID);
            if (m.Context != null && $Object.hasOwnProperty.call(m, "Context") && m.Context.length)
                w.uint32(/* id 4, wireType 2 =*/34).bytes(m.Context);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a ConfChange message from the specified reader or buffer.
         * @function decode
         * @memberof raftpb.ConfChange
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {raftpb.ConfChange & raftpb.ConfChange.$Shape} ConfChange
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConfChange.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.raftpb.ConfChange();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.ID = v;
                        else
                            delete m.ID;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.Type = v;
                        else
                            delete m.Type;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.NodeID = v;
                        else
                            delete m.NodeID;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.Context = v;
                        else
                            delete m.Context;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a ConfChange message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof raftpb.ConfChange
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {raftpb.ConfChange} ConfChange
         */
        ConfChange.fromObject = function (d, q) {
            if (d instanceof $root.raftpb.ConfChange)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".raftpb.ConfChange: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.raftpb.ConfChange();
            if (d.ID != null) {
                if (typeof d.ID === "object" ? d.ID.low || d.ID.high : $Number(d.ID) !== 0) {
                    if ($util.Long)
                        m.ID = $util.Long.fromValue(d.ID, true);
                    else if (typeof d.ID === "string")
                        m.ID = $parseInt(d.ID, 10);
                    else if (typeof d.ID === "number")
                        m.ID = d.ID;
                    else if (typeof d.ID === "object")
                        m.ID = new $util.LongBits(d.ID.low >>> 0, d.ID.high >>> 0).toNumber(true);
                }
            }
            if (d.Type !== 0 && (typeof d.Type !== "string" || $root.raftpb.ConfChangeType[d.Type] !== 0)) {
                switch (d.Type) {
                case "ConfChangeAddNode":
                case 0:
                    m.Type = 0;
                    break;
                case "ConfChangeRemoveNode":
                case 1:
                    m.Type = 1;
                    break;
                case "ConfChangeUpdateNode":
                case 2:
                    m.Type = 2;
                    break;
                case "ConfChangeAddLearnerNode":
                case 3:
                    m.Type = 3;
                    break;
                default:
                    if (typeof d.Type === "number" && (d.Type | 0) === d.Type)
                        m.Type = d.Type;
                }
            }
            if (d.NodeID != null) {
                if (typeof d.NodeID === "object" ? d.NodeID.low || d.NodeID.high : $Number(d.NodeID) !== 0) {
                    if ($util.Long)
                        m.NodeID = $util.Long.fromValue(d.NodeID, true);
                    else if (typeof d.NodeID === "string")
                        m.NodeID = $parseInt(d.NodeID, 10);
                    else if (typeof d.NodeID === "number")
                        m.NodeID = d.NodeID;
                    else if (typeof d.NodeID === "object")
                        m.NodeID = new $util.LongBits(d.NodeID.low >>> 0, d.NodeID.high >>> 0).toNumber(true);
                }
            }
            if (d.Context != null) {
                if (d.Context.length) {
                    if (typeof d.Context === "string")
                        $util.base64.decode(d.Context, m.Context = $util.newBuffer($util.base64.length(d.Context)), 0);
                    else if (d.Context.length >= 0)
                        m.Context = d.Context;
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a ConfChange message. Also converts values to other types if specified.
         * @function toObject
         * @memberof raftpb.ConfChange
         * @static
         * @param {raftpb.ConfChange} m ConfChange
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        ConfChange.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.ID = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.ID = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                d.Type = o.enums === $String ? "ConfChangeAddNode" : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.NodeID = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.NodeID = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if (o.bytes === $String)
                    d.Context = "";
                else {
                    d.Context = [];
                    if (o.bytes !== $Array)
                        d.Context = $util.newBuffer(d.Context);
                }
            }
            if (m.ID != null && $Object.hasOwnProperty.call(m, "ID")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.ID = typeof m.ID === "number" ? $BigInt(m.ID) : $util.Long.fromBits(m.ID.low >>> 0, m.ID.high >>> 0, true).toBigInt();
                else if (typeof m.ID === "number")
                    d.ID = o.longs === $String ? $String(m.ID) : m.ID;
                else
                    d.ID = o.longs === $String ? $util.Long.prototype.toString.call(m.ID) : o.longs === $Number ? new $util.LongBits(m.ID.low >>> 0, m.ID.high >>> 0).toNumber(true) : m.ID;
            }
            if (m.Type != null && $Object.hasOwnProperty.call(m, "Type")) {
                d.Type = o.enums === $String ? $root.raftpb.ConfChangeType[m.Type] === $undefined ? m.Type : $root.raftpb.ConfChangeType[m.Type] : m.Type;
            }
            if (m.NodeID != null && $Object.hasOwnProperty.call(m, "NodeID")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.NodeID = typeof m.NodeID === "number" ? $BigInt(m.NodeID) : $util.Long.fromBits(m.NodeID.low >>> 0, m.NodeID.high >>> 0, true).toBigInt();
                else if (typeof m.NodeID === "number")
                    d.NodeID = o.longs === $String ? $String(m.NodeID) : m.NodeID;
                else
                    d.NodeID = o.longs === $String ? $util.Long.prototype.toString.call(m.NodeID) : o.longs === $Number ? new $util.LongBits(m.NodeID.low >>> 0, m.NodeID.high >>> 0).toNumber(true) : m.NodeID;
            }
            if (m.Context != null && $Object.hasOwnProperty.call(m, "Context")) {
                d.Context = o.bytes === $String ? $util.base64.encode(m.Context, 0, m.Context.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.Context) : m.Context;
            }
            return d;
        };

        /**
         * Converts this ConfChange to JSON.
         * @function toJSON
         * @memberof raftpb.ConfChange
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        ConfChange.prototype.toJSON = function() {
            return ConfChange.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for ConfChange
         * @function getTypeUrl
         * @memberof raftpb.ConfChange
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ConfChange.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/raftpb.ConfChange";
        };

        return ConfChange;
    })();

    return raftpb;
})();

export {
  $root as default
};
