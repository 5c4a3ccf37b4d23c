import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace authpb. */
export namespace authpb {

    /**
     * Properties of a UserAddOptions.
     * @deprecated Use authpb.UserAddOptions.$Properties instead.
     */
    interface IUserAddOptions extends authpb.UserAddOptions.$Properties {
    }

    /** Represents a UserAddOptions. */
    class UserAddOptions {

        /**
         * Constructs a new UserAddOptions.
         * @param [p] Properties to set
         */
        constructor(p?: authpb.UserAddOptions.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** UserAddOptions no_password. */
        no_password: boolean;

        /**
         * Creates a new UserAddOptions instance using the specified properties.
         * @param [properties] Properties to set
         * @returns UserAddOptions instance
         */
        static create(properties: authpb.UserAddOptions.$Shape): authpb.UserAddOptions & authpb.UserAddOptions.$Shape;
        static create(properties?: authpb.UserAddOptions.$Properties): authpb.UserAddOptions;

        /**
         * Encodes the specified UserAddOptions message. Does not implicitly {@link authpb.UserAddOptions.verify|verify} messages.
         * @param m UserAddOptions message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: authpb.UserAddOptions.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a UserAddOptions message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {authpb.UserAddOptions & authpb.UserAddOptions.$Shape} UserAddOptions
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): authpb.UserAddOptions & authpb.UserAddOptions.$Shape;

        /**
         * Creates a UserAddOptions message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns UserAddOptions
         */
        static fromObject(d: { [k: string]: any }): authpb.UserAddOptions;

        /**
         * Creates a plain object from a UserAddOptions message. Also converts values to other types if specified.
         * @param m UserAddOptions
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: authpb.UserAddOptions, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this UserAddOptions to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for UserAddOptions
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace UserAddOptions {

        /** Properties of a UserAddOptions. */
        interface $Properties {

            /** UserAddOptions no_password */
            no_password?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a UserAddOptions. */
        type $Shape = authpb.UserAddOptions.$Properties;
    }

    /**
     * Properties of a User.
     * @deprecated Use authpb.User.$Properties instead.
     */
    interface IUser extends authpb.User.$Properties {
    }

    /** Represents a User. */
    class User {

        /**
         * Constructs a new User.
         * @param [p] Properties to set
         */
        constructor(p?: authpb.User.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** User name. */
        name: Uint8Array;

        /** User password. */
        password: Uint8Array;

        /** User roles. */
        roles: string[];

        /** User options. */
        options?: (authpb.UserAddOptions.$Properties|null);

        /**
         * Creates a new User instance using the specified properties.
         * @param [properties] Properties to set
         * @returns User instance
         */
        static create(properties: authpb.User.$Shape): authpb.User & authpb.User.$Shape;
        static create(properties?: authpb.User.$Properties): authpb.User;

        /**
         * Encodes the specified User message. Does not implicitly {@link authpb.User.verify|verify} messages.
         * @param m User message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: authpb.User.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a User message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {authpb.User & authpb.User.$Shape} User
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): authpb.User & authpb.User.$Shape;

        /**
         * Creates a User message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns User
         */
        static fromObject(d: { [k: string]: any }): authpb.User;

        /**
         * Creates a plain object from a User message. Also converts values to other types if specified.
         * @param m User
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: authpb.User, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this User to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for User
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace User {

        /** Properties of a User. */
        interface $Properties {

            /** User name */
            name?: (Uint8Array|null);

            /** User password */
            password?: (Uint8Array|null);

            /** User roles */
            roles?: (string[]|null);

            /** User options */
            options?: (authpb.UserAddOptions.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a User. */
        type $Shape = authpb.User.$Properties;
    }

    /**
     * Properties of a Permission.
     * @deprecated Use authpb.Permission.$Properties instead.
     */
    interface IPermission extends authpb.Permission.$Properties {
    }

    /** Represents a Permission. */
    class Permission {

        /**
         * Constructs a new Permission.
         * @param [p] Properties to set
         */
        constructor(p?: authpb.Permission.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Permission permType. */
        permType: authpb.Permission.Type;

        /** Permission key. */
        key: Uint8Array;

        /** Permission range_end. */
        range_end: Uint8Array;

        /**
         * Creates a new Permission instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Permission instance
         */
        static create(properties: authpb.Permission.$Shape): authpb.Permission & authpb.Permission.$Shape;
        static create(properties?: authpb.Permission.$Properties): authpb.Permission;

        /**
         * Encodes the specified Permission message. Does not implicitly {@link authpb.Permission.verify|verify} messages.
         * @param m Permission message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: authpb.Permission.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Permission message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {authpb.Permission & authpb.Permission.$Shape} Permission
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): authpb.Permission & authpb.Permission.$Shape;

        /**
         * Creates a Permission message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Permission
         */
        static fromObject(d: { [k: string]: any }): authpb.Permission;

        /**
         * Creates a plain object from a Permission message. Also converts values to other types if specified.
         * @param m Permission
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: authpb.Permission, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Permission to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Permission
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Permission {

        /** Properties of a Permission. */
        interface $Properties {

            /** Permission permType */
            permType?: (authpb.Permission.Type|null);

            /** Permission key */
            key?: (Uint8Array|null);

            /** Permission range_end */
            range_end?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Permission. */
        type $Shape = authpb.Permission.$Properties;

        /** Type enum. */
        enum Type {

            /** READ value */
            READ = 0,

            /** WRITE value */
            WRITE = 1,

            /** READWRITE value */
            READWRITE = 2
        }
    }

    /**
     * Properties of a Role.
     * @deprecated Use authpb.Role.$Properties instead.
     */
    interface IRole extends authpb.Role.$Properties {
    }

    /** Represents a Role. */
    class Role {

        /**
         * Constructs a new Role.
         * @param [p] Properties to set
         */
        constructor(p?: authpb.Role.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Role name. */
        name: Uint8Array;

        /** Role keyPermission. */
        keyPermission: authpb.Permission.$Properties[];

        /**
         * Creates a new Role instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Role instance
         */
        static create(properties: authpb.Role.$Shape): authpb.Role & authpb.Role.$Shape;
        static create(properties?: authpb.Role.$Properties): authpb.Role;

        /**
         * Encodes the specified Role message. Does not implicitly {@link authpb.Role.verify|verify} messages.
         * @param m Role message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: authpb.Role.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Role message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {authpb.Role & authpb.Role.$Shape} Role
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): authpb.Role & authpb.Role.$Shape;

        /**
         * Creates a Role message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Role
         */
        static fromObject(d: { [k: string]: any }): authpb.Role;

        /**
         * Creates a plain object from a Role message. Also converts values to other types if specified.
         * @param m Role
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: authpb.Role, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Role to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Role
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Role {

        /** Properties of a Role. */
        interface $Properties {

            /** Role name */
            name?: (Uint8Array|null);

            /** Role keyPermission */
            keyPermission?: (authpb.Permission.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Role. */
        type $Shape = authpb.Role.$Properties;
    }
}

/** Namespace etcdserverpb. */
export namespace etcdserverpb {

    /**
     * Properties of a Request.
     * @deprecated Use etcdserverpb.Request.$Properties instead.
     */
    interface IRequest extends etcdserverpb.Request.$Properties {
    }

    /** Represents a Request. */
    class Request {

        /**
         * Constructs a new Request.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.Request.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Request ID. */
        ID: (number|Long);

        /** Request Method. */
        Method: string;

        /** Request Path. */
        Path: string;

        /** Request Val. */
        Val: string;

        /** Request Dir. */
        Dir: boolean;

        /** Request PrevValue. */
        PrevValue: string;

        /** Request PrevIndex. */
        PrevIndex: (number|Long);

        /** Request PrevExist. */
        PrevExist: boolean;

        /** Request Expiration. */
        Expiration: (number|Long);

        /** Request Wait. */
        Wait: boolean;

        /** Request Since. */
        Since: (number|Long);

        /** Request Recursive. */
        Recursive: boolean;

        /** Request Sorted. */
        Sorted: boolean;

        /** Request Quorum. */
        Quorum: boolean;

        /** Request Time. */
        Time: (number|Long);

        /** Request Stream. */
        Stream: boolean;

        /** Request Refresh. */
        Refresh: boolean;

        /**
         * Creates a new Request instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Request instance
         */
        static create(properties: etcdserverpb.Request.$Shape): etcdserverpb.Request & etcdserverpb.Request.$Shape;
        static create(properties?: etcdserverpb.Request.$Properties): etcdserverpb.Request;

        /**
         * Encodes the specified Request message. Does not implicitly {@link etcdserverpb.Request.verify|verify} messages.
         * @param m Request message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.Request.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Request message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.Request & etcdserverpb.Request.$Shape} Request
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.Request & etcdserverpb.Request.$Shape;

        /**
         * Creates a Request message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Request
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.Request;

        /**
         * Creates a plain object from a Request message. Also converts values to other types if specified.
         * @param m Request
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.Request, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Request to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Request
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Request {

        /** Properties of a Request. */
        interface $Properties {

            /** Request ID */
            ID?: (number|Long|null);

            /** Request Method */
            Method?: (string|null);

            /** Request Path */
            Path?: (string|null);

            /** Request Val */
            Val?: (string|null);

            /** Request Dir */
            Dir?: (boolean|null);

            /** Request PrevValue */
            PrevValue?: (string|null);

            /** Request PrevIndex */
            PrevIndex?: (number|Long|null);

            /** Request PrevExist */
            PrevExist?: (boolean|null);

            /** Request Expiration */
            Expiration?: (number|Long|null);

            /** Request Wait */
            Wait?: (boolean|null);

            /** Request Since */
            Since?: (number|Long|null);

            /** Request Recursive */
            Recursive?: (boolean|null);

            /** Request Sorted */
            Sorted?: (boolean|null);

            /** Request Quorum */
            Quorum?: (boolean|null);

            /** Request Time */
            Time?: (number|Long|null);

            /** Request Stream */
            Stream?: (boolean|null);

            /** Request Refresh */
            Refresh?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Request. */
        type $Shape = etcdserverpb.Request.$Properties;
    }

    /**
     * Properties of a Metadata.
     * @deprecated Use etcdserverpb.Metadata.$Properties instead.
     */
    interface IMetadata extends etcdserverpb.Metadata.$Properties {
    }

    /** Represents a Metadata. */
    class Metadata {

        /**
         * Constructs a new Metadata.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.Metadata.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Metadata NodeID. */
        NodeID: (number|Long);

        /** Metadata ClusterID. */
        ClusterID: (number|Long);

        /**
         * Creates a new Metadata instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Metadata instance
         */
        static create(properties: etcdserverpb.Metadata.$Shape): etcdserverpb.Metadata & etcdserverpb.Metadata.$Shape;
        static create(properties?: etcdserverpb.Metadata.$Properties): etcdserverpb.Metadata;

        /**
         * Encodes the specified Metadata message. Does not implicitly {@link etcdserverpb.Metadata.verify|verify} messages.
         * @param m Metadata message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.Metadata.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Metadata message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.Metadata & etcdserverpb.Metadata.$Shape} Metadata
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.Metadata & etcdserverpb.Metadata.$Shape;

        /**
         * Creates a Metadata message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Metadata
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.Metadata;

        /**
         * Creates a plain object from a Metadata message. Also converts values to other types if specified.
         * @param m Metadata
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.Metadata, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Metadata to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Metadata
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Metadata {

        /** Properties of a Metadata. */
        interface $Properties {

            /** Metadata NodeID */
            NodeID?: (number|Long|null);

            /** Metadata ClusterID */
            ClusterID?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Metadata. */
        type $Shape = etcdserverpb.Metadata.$Properties;
    }

    /**
     * Properties of a RequestHeader.
     * @deprecated Use etcdserverpb.RequestHeader.$Properties instead.
     */
    interface IRequestHeader extends etcdserverpb.RequestHeader.$Properties {
    }

    /** Represents a RequestHeader. */
    class RequestHeader {

        /**
         * Constructs a new RequestHeader.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.RequestHeader.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RequestHeader ID. */
        ID: (number|Long);

        /** RequestHeader username. */
        username: string;

        /** RequestHeader auth_revision. */
        auth_revision: (number|Long);

        /**
         * Creates a new RequestHeader instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RequestHeader instance
         */
        static create(properties: etcdserverpb.RequestHeader.$Shape): etcdserverpb.RequestHeader & etcdserverpb.RequestHeader.$Shape;
        static create(properties?: etcdserverpb.RequestHeader.$Properties): etcdserverpb.RequestHeader;

        /**
         * Encodes the specified RequestHeader message. Does not implicitly {@link etcdserverpb.RequestHeader.verify|verify} messages.
         * @param m RequestHeader message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.RequestHeader.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RequestHeader message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.RequestHeader & etcdserverpb.RequestHeader.$Shape} RequestHeader
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.RequestHeader & etcdserverpb.RequestHeader.$Shape;

        /**
         * Creates a RequestHeader message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns RequestHeader
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.RequestHeader;

        /**
         * Creates a plain object from a RequestHeader message. Also converts values to other types if specified.
         * @param m RequestHeader
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.RequestHeader, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RequestHeader to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RequestHeader
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RequestHeader {

        /** Properties of a RequestHeader. */
        interface $Properties {

            /** RequestHeader ID */
            ID?: (number|Long|null);

            /** RequestHeader username */
            username?: (string|null);

            /** RequestHeader auth_revision */
            auth_revision?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RequestHeader. */
        type $Shape = etcdserverpb.RequestHeader.$Properties;
    }

    /**
     * Properties of an InternalRaftRequest.
     * @deprecated Use etcdserverpb.InternalRaftRequest.$Properties instead.
     */
    interface IInternalRaftRequest extends etcdserverpb.InternalRaftRequest.$Properties {
    }

    /** Represents an InternalRaftRequest. */
    class InternalRaftRequest {

        /**
         * Constructs a new InternalRaftRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.InternalRaftRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** InternalRaftRequest header. */
        header?: (etcdserverpb.RequestHeader.$Properties|null);

        /** InternalRaftRequest ID. */
        ID: (number|Long);

        /** InternalRaftRequest v2. */
        v2?: (etcdserverpb.Request.$Properties|null);

        /** InternalRaftRequest range. */
        range?: (etcdserverpb.RangeRequest.$Properties|null);

        /** InternalRaftRequest put. */
        put?: (etcdserverpb.PutRequest.$Properties|null);

        /** InternalRaftRequest delete_range. */
        delete_range?: (etcdserverpb.DeleteRangeRequest.$Properties|null);

        /** InternalRaftRequest txn. */
        txn?: (etcdserverpb.TxnRequest.$Properties|null);

        /** InternalRaftRequest compaction. */
        compaction?: (etcdserverpb.CompactionRequest.$Properties|null);

        /** InternalRaftRequest lease_grant. */
        lease_grant?: (etcdserverpb.LeaseGrantRequest.$Properties|null);

        /** InternalRaftRequest lease_revoke. */
        lease_revoke?: (etcdserverpb.LeaseRevokeRequest.$Properties|null);

        /** InternalRaftRequest alarm. */
        alarm?: (etcdserverpb.AlarmRequest.$Properties|null);

        /** InternalRaftRequest lease_checkpoint. */
        lease_checkpoint?: (etcdserverpb.LeaseCheckpointRequest.$Properties|null);

        /** InternalRaftRequest auth_enable. */
        auth_enable?: (etcdserverpb.AuthEnableRequest.$Properties|null);

        /** InternalRaftRequest auth_disable. */
        auth_disable?: (etcdserverpb.AuthDisableRequest.$Properties|null);

        /** InternalRaftRequest authenticate. */
        authenticate?: (etcdserverpb.InternalAuthenticateRequest.$Properties|null);

        /** InternalRaftRequest auth_user_add. */
        auth_user_add?: (etcdserverpb.AuthUserAddRequest.$Properties|null);

        /** InternalRaftRequest auth_user_delete. */
        auth_user_delete?: (etcdserverpb.AuthUserDeleteRequest.$Properties|null);

        /** InternalRaftRequest auth_user_get. */
        auth_user_get?: (etcdserverpb.AuthUserGetRequest.$Properties|null);

        /** InternalRaftRequest auth_user_change_password. */
        auth_user_change_password?: (etcdserverpb.AuthUserChangePasswordRequest.$Properties|null);

        /** InternalRaftRequest auth_user_grant_role. */
        auth_user_grant_role?: (etcdserverpb.AuthUserGrantRoleRequest.$Properties|null);

        /** InternalRaftRequest auth_user_revoke_role. */
        auth_user_revoke_role?: (etcdserverpb.AuthUserRevokeRoleRequest.$Properties|null);

        /** InternalRaftRequest auth_user_list. */
        auth_user_list?: (etcdserverpb.AuthUserListRequest.$Properties|null);

        /** InternalRaftRequest auth_role_list. */
        auth_role_list?: (etcdserverpb.AuthRoleListRequest.$Properties|null);

        /** InternalRaftRequest auth_role_add. */
        auth_role_add?: (etcdserverpb.AuthRoleAddRequest.$Properties|null);

        /** InternalRaftRequest auth_role_delete. */
        auth_role_delete?: (etcdserverpb.AuthRoleDeleteRequest.$Properties|null);

        /** InternalRaftRequest auth_role_get. */
        auth_role_get?: (etcdserverpb.AuthRoleGetRequest.$Properties|null);

        /** InternalRaftRequest auth_role_grant_permission. */
        auth_role_grant_permission?: (etcdserverpb.AuthRoleGrantPermissionRequest.$Properties|null);

        /** InternalRaftRequest auth_role_revoke_permission. */
        auth_role_revoke_permission?: (etcdserverpb.AuthRoleRevokePermissionRequest.$Properties|null);

        /**
         * Creates a new InternalRaftRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns InternalRaftRequest instance
         */
        static create(properties: etcdserverpb.InternalRaftRequest.$Shape): etcdserverpb.InternalRaftRequest & etcdserverpb.InternalRaftRequest.$Shape;
        static create(properties?: etcdserverpb.InternalRaftRequest.$Properties): etcdserverpb.InternalRaftRequest;

        /**
         * Encodes the specified InternalRaftRequest message. Does not implicitly {@link etcdserverpb.InternalRaftRequest.verify|verify} messages.
         * @param m InternalRaftRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.InternalRaftRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an InternalRaftRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.InternalRaftRequest & etcdserverpb.InternalRaftRequest.$Shape} InternalRaftRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.InternalRaftRequest & etcdserverpb.InternalRaftRequest.$Shape;

        /**
         * Creates an InternalRaftRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns InternalRaftRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.InternalRaftRequest;

        /**
         * Creates a plain object from an InternalRaftRequest message. Also converts values to other types if specified.
         * @param m InternalRaftRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.InternalRaftRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this InternalRaftRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for InternalRaftRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace InternalRaftRequest {

        /** Properties of an InternalRaftRequest. */
        interface $Properties {

            /** InternalRaftRequest header */
            header?: (etcdserverpb.RequestHeader.$Properties|null);

            /** InternalRaftRequest ID */
            ID?: (number|Long|null);

            /** InternalRaftRequest v2 */
            v2?: (etcdserverpb.Request.$Properties|null);

            /** InternalRaftRequest range */
            range?: (etcdserverpb.RangeRequest.$Properties|null);

            /** InternalRaftRequest put */
            put?: (etcdserverpb.PutRequest.$Properties|null);

            /** InternalRaftRequest delete_range */
            delete_range?: (etcdserverpb.DeleteRangeRequest.$Properties|null);

            /** InternalRaftRequest txn */
            txn?: (etcdserverpb.TxnRequest.$Properties|null);

            /** InternalRaftRequest compaction */
            compaction?: (etcdserverpb.CompactionRequest.$Properties|null);

            /** InternalRaftRequest lease_grant */
            lease_grant?: (etcdserverpb.LeaseGrantRequest.$Properties|null);

            /** InternalRaftRequest lease_revoke */
            lease_revoke?: (etcdserverpb.LeaseRevokeRequest.$Properties|null);

            /** InternalRaftRequest alarm */
            alarm?: (etcdserverpb.AlarmRequest.$Properties|null);

            /** InternalRaftRequest lease_checkpoint */
            lease_checkpoint?: (etcdserverpb.LeaseCheckpointRequest.$Properties|null);

            /** InternalRaftRequest auth_enable */
            auth_enable?: (etcdserverpb.AuthEnableRequest.$Properties|null);

            /** InternalRaftRequest auth_disable */
            auth_disable?: (etcdserverpb.AuthDisableRequest.$Properties|null);

            /** InternalRaftRequest authenticate */
            authenticate?: (etcdserverpb.InternalAuthenticateRequest.$Properties|null);

            /** InternalRaftRequest auth_user_add */
            auth_user_add?: (etcdserverpb.AuthUserAddRequest.$Properties|null);

            /** InternalRaftRequest auth_user_delete */
            auth_user_delete?: (etcdserverpb.AuthUserDeleteRequest.$Properties|null);

            /** InternalRaftRequest auth_user_get */
            auth_user_get?: (etcdserverpb.AuthUserGetRequest.$Properties|null);

            /** InternalRaftRequest auth_user_change_password */
            auth_user_change_password?: (etcdserverpb.AuthUserChangePasswordRequest.$Properties|null);

            /** InternalRaftRequest auth_user_grant_role */
            auth_user_grant_role?: (etcdserverpb.AuthUserGrantRoleRequest.$Properties|null);

            /** InternalRaftRequest auth_user_revoke_role */
            auth_user_revoke_role?: (etcdserverpb.AuthUserRevokeRoleRequest.$Properties|null);

            /** InternalRaftRequest auth_user_list */
            auth_user_list?: (etcdserverpb.AuthUserListRequest.$Properties|null);

            /** InternalRaftRequest auth_role_list */
            auth_role_list?: (etcdserverpb.AuthRoleListRequest.$Properties|null);

            /** InternalRaftRequest auth_role_add */
            auth_role_add?: (etcdserverpb.AuthRoleAddRequest.$Properties|null);

            /** InternalRaftRequest auth_role_delete */
            auth_role_delete?: (etcdserverpb.AuthRoleDeleteRequest.$Properties|null);

            /** InternalRaftRequest auth_role_get */
            auth_role_get?: (etcdserverpb.AuthRoleGetRequest.$Properties|null);

            /** InternalRaftRequest auth_role_grant_permission */
            auth_role_grant_permission?: (etcdserverpb.AuthRoleGrantPermissionRequest.$Properties|null);

            /** InternalRaftRequest auth_role_revoke_permission */
            auth_role_revoke_permission?: (etcdserverpb.AuthRoleRevokePermissionRequest.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an InternalRaftRequest. */
        type $Shape = {
          header?: etcdserverpb.RequestHeader.$Shape|null;
          ID?: number|Long|null;
          v2?: etcdserverpb.Request.$Shape|null;
          range?: etcdserverpb.RangeRequest.$Shape|null;
          put?: etcdserverpb.PutRequest.$Shape|null;
          delete_range?: etcdserverpb.DeleteRangeRequest.$Shape|null;
          txn?: etcdserverpb.TxnRequest.$Shape|null;
          compaction?: etcdserverpb.CompactionRequest.$Shape|null;
          lease_grant?: etcdserverpb.LeaseGrantRequest.$Shape|null;
          lease_revoke?: etcdserverpb.LeaseRevokeRequest.$Shape|null;
          alarm?: etcdserverpb.AlarmRequest.$Shape|null;
          lease_checkpoint?: etcdserverpb.LeaseCheckpointRequest.$Shape|null;
          auth_enable?: etcdserverpb.AuthEnableRequest.$Shape|null;
          auth_disable?: etcdserverpb.AuthDisableRequest.$Shape|null;
          authenticate?: etcdserverpb.InternalAuthenticateRequest.$Shape|null;
          auth_user_add?: etcdserverpb.AuthUserAddRequest.$Shape|null;
          auth_user_delete?: etcdserverpb.AuthUserDeleteRequest.$Shape|null;
          auth_user_get?: etcdserverpb.AuthUserGetRequest.$Shape|null;
          auth_user_change_password?: etcdserverpb.AuthUserChangePasswordRequest.$Shape|null;
          auth_user_grant_role?: etcdserverpb.AuthUserGrantRoleRequest.$Shape|null;
          auth_user_revoke_role?: etcdserverpb.AuthUserRevokeRoleRequest.$Shape|null;
          auth_user_list?: etcdserverpb.AuthUserListRequest.$Shape|null;
          auth_role_list?: etcdserverpb.AuthRoleListRequest.$Shape|null;
          auth_role_add?: etcdserverpb.AuthRoleAddRequest.$Shape|null;
          auth_role_delete?: etcdserverpb.AuthRoleDeleteRequest.$Shape|null;
          auth_role_get?: etcdserverpb.AuthRoleGetRequest.$Shape|null;
          auth_role_grant_permission?: etcdserverpb.AuthRoleGrantPermissionRequest.$Shape|null;
          auth_role_revoke_permission?: etcdserverpb.AuthRoleRevokePermissionRequest.$Shape|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of an EmptyResponse.
     * @deprecated Use etcdserverpb.EmptyResponse.$Properties instead.
     */
    interface IEmptyResponse extends etcdserverpb.EmptyResponse.$Properties {
    }

    /** Represents an EmptyResponse. */
    class EmptyResponse {

        /**
         * Constructs a new EmptyResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.EmptyResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new EmptyResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns EmptyResponse instance
         */
        static create(properties: etcdserverpb.EmptyResponse.$Shape): etcdserverpb.EmptyResponse & etcdserverpb.EmptyResponse.$Shape;
        static create(properties?: etcdserverpb.EmptyResponse.$Properties): etcdserverpb.EmptyResponse;

        /**
         * Encodes the specified EmptyResponse message. Does not implicitly {@link etcdserverpb.EmptyResponse.verify|verify} messages.
         * @param m EmptyResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.EmptyResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an EmptyResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.EmptyResponse & etcdserverpb.EmptyResponse.$Shape} EmptyResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.EmptyResponse & etcdserverpb.EmptyResponse.$Shape;

        /**
         * Creates an EmptyResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns EmptyResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.EmptyResponse;

        /**
         * Creates a plain object from an EmptyResponse message. Also converts values to other types if specified.
         * @param m EmptyResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.EmptyResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this EmptyResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for EmptyResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace EmptyResponse {

        /** Properties of an EmptyResponse. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an EmptyResponse. */
        type $Shape = etcdserverpb.EmptyResponse.$Properties;
    }

    /**
     * Properties of an InternalAuthenticateRequest.
     * @deprecated Use etcdserverpb.InternalAuthenticateRequest.$Properties instead.
     */
    interface IInternalAuthenticateRequest extends etcdserverpb.InternalAuthenticateRequest.$Properties {
    }

    /** Represents an InternalAuthenticateRequest. */
    class InternalAuthenticateRequest {

        /**
         * Constructs a new InternalAuthenticateRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.InternalAuthenticateRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** InternalAuthenticateRequest name. */
        name: string;

        /** InternalAuthenticateRequest password. */
        password: string;

        /** InternalAuthenticateRequest simple_token. */
        simple_token: string;

        /**
         * Creates a new InternalAuthenticateRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns InternalAuthenticateRequest instance
         */
        static create(properties: etcdserverpb.InternalAuthenticateRequest.$Shape): etcdserverpb.InternalAuthenticateRequest & etcdserverpb.InternalAuthenticateRequest.$Shape;
        static create(properties?: etcdserverpb.InternalAuthenticateRequest.$Properties): etcdserverpb.InternalAuthenticateRequest;

        /**
         * Encodes the specified InternalAuthenticateRequest message. Does not implicitly {@link etcdserverpb.InternalAuthenticateRequest.verify|verify} messages.
         * @param m InternalAuthenticateRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.InternalAuthenticateRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an InternalAuthenticateRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.InternalAuthenticateRequest & etcdserverpb.InternalAuthenticateRequest.$Shape} InternalAuthenticateRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.InternalAuthenticateRequest & etcdserverpb.InternalAuthenticateRequest.$Shape;

        /**
         * Creates an InternalAuthenticateRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns InternalAuthenticateRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.InternalAuthenticateRequest;

        /**
         * Creates a plain object from an InternalAuthenticateRequest message. Also converts values to other types if specified.
         * @param m InternalAuthenticateRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.InternalAuthenticateRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this InternalAuthenticateRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for InternalAuthenticateRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace InternalAuthenticateRequest {

        /** Properties of an InternalAuthenticateRequest. */
        interface $Properties {

            /** InternalAuthenticateRequest name */
            name?: (string|null);

            /** InternalAuthenticateRequest password */
            password?: (string|null);

            /** InternalAuthenticateRequest simple_token */
            simple_token?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an InternalAuthenticateRequest. */
        type $Shape = etcdserverpb.InternalAuthenticateRequest.$Properties;
    }

    /** Represents a KV */
    class KV extends $protobuf.rpc.Service {

        /**
         * Constructs a new KV service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new KV service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): KV;

        /** Calls Range. */
        range: etcdserverpb.KV.Range;

        /** Calls Put. */
        put: etcdserverpb.KV.Put;

        /** Calls DeleteRange. */
        deleteRange: etcdserverpb.KV.DeleteRange;

        /** Calls Txn. */
        txn: etcdserverpb.KV.Txn;

        /** Calls Compact. */
        compact: etcdserverpb.KV.Compact;
    }

    namespace KV {

        /**
         * Callback as used by {@link etcdserverpb.KV#range}.
         * @param error Error, if any
         * @param [response] RangeResponse
         */
        type RangeCallback = (error: (Error|null), response?: etcdserverpb.RangeResponse) => void;

        /** Calls Range. */
        type Range = {
          (request: etcdserverpb.IRangeRequest, callback: etcdserverpb.KV.RangeCallback): void;
          (request: etcdserverpb.IRangeRequest): Promise<etcdserverpb.RangeResponse>;
          readonly name: "Range";
          readonly path: "/etcdserverpb.KV/Range";
          readonly requestType: "RangeRequest";
          readonly responseType: "RangeResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.KV#put}.
         * @param error Error, if any
         * @param [response] PutResponse
         */
        type PutCallback = (error: (Error|null), response?: etcdserverpb.PutResponse) => void;

        /** Calls Put. */
        type Put = {
          (request: etcdserverpb.IPutRequest, callback: etcdserverpb.KV.PutCallback): void;
          (request: etcdserverpb.IPutRequest): Promise<etcdserverpb.PutResponse>;
          readonly name: "Put";
          readonly path: "/etcdserverpb.KV/Put";
          readonly requestType: "PutRequest";
          readonly responseType: "PutResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.KV#deleteRange}.
         * @param error Error, if any
         * @param [response] DeleteRangeResponse
         */
        type DeleteRangeCallback = (error: (Error|null), response?: etcdserverpb.DeleteRangeResponse) => void;

        /** Calls DeleteRange. */
        type DeleteRange = {
          (request: etcdserverpb.IDeleteRangeRequest, callback: etcdserverpb.KV.DeleteRangeCallback): void;
          (request: etcdserverpb.IDeleteRangeRequest): Promise<etcdserverpb.DeleteRangeResponse>;
          readonly name: "DeleteRange";
          readonly path: "/etcdserverpb.KV/DeleteRange";
          readonly requestType: "DeleteRangeRequest";
          readonly responseType: "DeleteRangeResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.KV#txn}.
         * @param error Error, if any
         * @param [response] TxnResponse
         */
        type TxnCallback = (error: (Error|null), response?: etcdserverpb.TxnResponse) => void;

        /** Calls Txn. */
        type Txn = {
          (request: etcdserverpb.ITxnRequest, callback: etcdserverpb.KV.TxnCallback): void;
          (request: etcdserverpb.ITxnRequest): Promise<etcdserverpb.TxnResponse>;
          readonly name: "Txn";
          readonly path: "/etcdserverpb.KV/Txn";
          readonly requestType: "TxnRequest";
          readonly responseType: "TxnResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.KV#compact}.
         * @param error Error, if any
         * @param [response] CompactionResponse
         */
        type CompactCallback = (error: (Error|null), response?: etcdserverpb.CompactionResponse) => void;

        /** Calls Compact. */
        type Compact = {
          (request: etcdserverpb.ICompactionRequest, callback: etcdserverpb.KV.CompactCallback): void;
          (request: etcdserverpb.ICompactionRequest): Promise<etcdserverpb.CompactionResponse>;
          readonly name: "Compact";
          readonly path: "/etcdserverpb.KV/Compact";
          readonly requestType: "CompactionRequest";
          readonly responseType: "CompactionResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /** Represents a Watch */
    class Watch extends $protobuf.rpc.Service {

        /**
         * Constructs a new Watch service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new Watch service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Watch;

        /** Calls Watch. */
        watch: etcdserverpb.Watch.Watch;
    }

    namespace Watch {

        /**
         * Callback as used by {@link etcdserverpb.Watch#watch}.
         * @param error Error, if any
         * @param [response] WatchResponse
         */
        type WatchCallback = (error: (Error|null), response?: etcdserverpb.WatchResponse) => void;

        /** Calls Watch. */
        type Watch = {
          (request: etcdserverpb.IWatchRequest, callback: etcdserverpb.Watch.WatchCallback): void;
          (request: etcdserverpb.IWatchRequest): Promise<etcdserverpb.WatchResponse>;
          readonly name: "Watch";
          readonly path: "/etcdserverpb.Watch/Watch";
          readonly requestType: "WatchRequest";
          readonly responseType: "WatchResponse";
          readonly requestStream: true;
          readonly responseStream: true;
        };
    }

    /** Represents a Lease */
    class Lease extends $protobuf.rpc.Service {

        /**
         * Constructs a new Lease service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new Lease service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Lease;

        /** Calls LeaseGrant. */
        leaseGrant: etcdserverpb.Lease.LeaseGrant;

        /** Calls LeaseRevoke. */
        leaseRevoke: etcdserverpb.Lease.LeaseRevoke;

        /** Calls LeaseKeepAlive. */
        leaseKeepAlive: etcdserverpb.Lease.LeaseKeepAlive;

        /** Calls LeaseTimeToLive. */
        leaseTimeToLive: etcdserverpb.Lease.LeaseTimeToLive;

        /** Calls LeaseLeases. */
        leaseLeases: etcdserverpb.Lease.LeaseLeases;
    }

    namespace Lease {

        /**
         * Callback as used by {@link etcdserverpb.Lease#leaseGrant}.
         * @param error Error, if any
         * @param [response] LeaseGrantResponse
         */
        type LeaseGrantCallback = (error: (Error|null), response?: etcdserverpb.LeaseGrantResponse) => void;

        /** Calls LeaseGrant. */
        type LeaseGrant = {
          (request: etcdserverpb.ILeaseGrantRequest, callback: etcdserverpb.Lease.LeaseGrantCallback): void;
          (request: etcdserverpb.ILeaseGrantRequest): Promise<etcdserverpb.LeaseGrantResponse>;
          readonly name: "LeaseGrant";
          readonly path: "/etcdserverpb.Lease/LeaseGrant";
          readonly requestType: "LeaseGrantRequest";
          readonly responseType: "LeaseGrantResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Lease#leaseRevoke}.
         * @param error Error, if any
         * @param [response] LeaseRevokeResponse
         */
        type LeaseRevokeCallback = (error: (Error|null), response?: etcdserverpb.LeaseRevokeResponse) => void;

        /** Calls LeaseRevoke. */
        type LeaseRevoke = {
          (request: etcdserverpb.ILeaseRevokeRequest, callback: etcdserverpb.Lease.LeaseRevokeCallback): void;
          (request: etcdserverpb.ILeaseRevokeRequest): Promise<etcdserverpb.LeaseRevokeResponse>;
          readonly name: "LeaseRevoke";
          readonly path: "/etcdserverpb.Lease/LeaseRevoke";
          readonly requestType: "LeaseRevokeRequest";
          readonly responseType: "LeaseRevokeResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Lease#leaseKeepAlive}.
         * @param error Error, if any
         * @param [response] LeaseKeepAliveResponse
         */
        type LeaseKeepAliveCallback = (error: (Error|null), response?: etcdserverpb.LeaseKeepAliveResponse) => void;

        /** Calls LeaseKeepAlive. */
        type LeaseKeepAlive = {
          (request: etcdserverpb.ILeaseKeepAliveRequest, callback: etcdserverpb.Lease.LeaseKeepAliveCallback): void;
          (request: etcdserverpb.ILeaseKeepAliveRequest): Promise<etcdserverpb.LeaseKeepAliveResponse>;
          readonly name: "LeaseKeepAlive";
          readonly path: "/etcdserverpb.Lease/LeaseKeepAlive";
          readonly requestType: "LeaseKeepAliveRequest";
          readonly responseType: "LeaseKeepAliveResponse";
          readonly requestStream: true;
          readonly responseStream: true;
        };

        /**
         * Callback as used by {@link etcdserverpb.Lease#leaseTimeToLive}.
         * @param error Error, if any
         * @param [response] LeaseTimeToLiveResponse
         */
        type LeaseTimeToLiveCallback = (error: (Error|null), response?: etcdserverpb.LeaseTimeToLiveResponse) => void;

        /** Calls LeaseTimeToLive. */
        type LeaseTimeToLive = {
          (request: etcdserverpb.ILeaseTimeToLiveRequest, callback: etcdserverpb.Lease.LeaseTimeToLiveCallback): void;
          (request: etcdserverpb.ILeaseTimeToLiveRequest): Promise<etcdserverpb.LeaseTimeToLiveResponse>;
          readonly name: "LeaseTimeToLive";
          readonly path: "/etcdserverpb.Lease/LeaseTimeToLive";
          readonly requestType: "LeaseTimeToLiveRequest";
          readonly responseType: "LeaseTimeToLiveResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Lease#leaseLeases}.
         * @param error Error, if any
         * @param [response] LeaseLeasesResponse
         */
        type LeaseLeasesCallback = (error: (Error|null), response?: etcdserverpb.LeaseLeasesResponse) => void;

        /** Calls LeaseLeases. */
        type LeaseLeases = {
          (request: etcdserverpb.ILeaseLeasesRequest, callback: etcdserverpb.Lease.LeaseLeasesCallback): void;
          (request: etcdserverpb.ILeaseLeasesRequest): Promise<etcdserverpb.LeaseLeasesResponse>;
          readonly name: "LeaseLeases";
          readonly path: "/etcdserverpb.Lease/LeaseLeases";
          readonly requestType: "LeaseLeasesRequest";
          readonly responseType: "LeaseLeasesResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /** Represents a Cluster */
    class Cluster extends $protobuf.rpc.Service {

        /**
         * Constructs a new Cluster service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new Cluster service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Cluster;

        /** Calls MemberAdd. */
        memberAdd: etcdserverpb.Cluster.MemberAdd;

        /** Calls MemberRemove. */
        memberRemove: etcdserverpb.Cluster.MemberRemove;

        /** Calls MemberUpdate. */
        memberUpdate: etcdserverpb.Cluster.MemberUpdate;

        /** Calls MemberList. */
        memberList: etcdserverpb.Cluster.MemberList;

        /** Calls MemberPromote. */
        memberPromote: etcdserverpb.Cluster.MemberPromote;
    }

    namespace Cluster {

        /**
         * Callback as used by {@link etcdserverpb.Cluster#memberAdd}.
         * @param error Error, if any
         * @param [response] MemberAddResponse
         */
        type MemberAddCallback = (error: (Error|null), response?: etcdserverpb.MemberAddResponse) => void;

        /** Calls MemberAdd. */
        type MemberAdd = {
          (request: etcdserverpb.IMemberAddRequest, callback: etcdserverpb.Cluster.MemberAddCallback): void;
          (request: etcdserverpb.IMemberAddRequest): Promise<etcdserverpb.MemberAddResponse>;
          readonly name: "MemberAdd";
          readonly path: "/etcdserverpb.Cluster/MemberAdd";
          readonly requestType: "MemberAddRequest";
          readonly responseType: "MemberAddResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Cluster#memberRemove}.
         * @param error Error, if any
         * @param [response] MemberRemoveResponse
         */
        type MemberRemoveCallback = (error: (Error|null), response?: etcdserverpb.MemberRemoveResponse) => void;

        /** Calls MemberRemove. */
        type MemberRemove = {
          (request: etcdserverpb.IMemberRemoveRequest, callback: etcdserverpb.Cluster.MemberRemoveCallback): void;
          (request: etcdserverpb.IMemberRemoveRequest): Promise<etcdserverpb.MemberRemoveResponse>;
          readonly name: "MemberRemove";
          readonly path: "/etcdserverpb.Cluster/MemberRemove";
          readonly requestType: "MemberRemoveRequest";
          readonly responseType: "MemberRemoveResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Cluster#memberUpdate}.
         * @param error Error, if any
         * @param [response] MemberUpdateResponse
         */
        type MemberUpdateCallback = (error: (Error|null), response?: etcdserverpb.MemberUpdateResponse) => void;

        /** Calls MemberUpdate. */
        type MemberUpdate = {
          (request: etcdserverpb.IMemberUpdateRequest, callback: etcdserverpb.Cluster.MemberUpdateCallback): void;
          (request: etcdserverpb.IMemberUpdateRequest): Promise<etcdserverpb.MemberUpdateResponse>;
          readonly name: "MemberUpdate";
          readonly path: "/etcdserverpb.Cluster/MemberUpdate";
          readonly requestType: "MemberUpdateRequest";
          readonly responseType: "MemberUpdateResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Cluster#memberList}.
         * @param error Error, if any
         * @param [response] MemberListResponse
         */
        type MemberListCallback = (error: (Error|null), response?: etcdserverpb.MemberListResponse) => void;

        /** Calls MemberList. */
        type MemberList = {
          (request: etcdserverpb.IMemberListRequest, callback: etcdserverpb.Cluster.MemberListCallback): void;
          (request: etcdserverpb.IMemberListRequest): Promise<etcdserverpb.MemberListResponse>;
          readonly name: "MemberList";
          readonly path: "/etcdserverpb.Cluster/MemberList";
          readonly requestType: "MemberListRequest";
          readonly responseType: "MemberListResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Cluster#memberPromote}.
         * @param error Error, if any
         * @param [response] MemberPromoteResponse
         */
        type MemberPromoteCallback = (error: (Error|null), response?: etcdserverpb.MemberPromoteResponse) => void;

        /** Calls MemberPromote. */
        type MemberPromote = {
          (request: etcdserverpb.IMemberPromoteRequest, callback: etcdserverpb.Cluster.MemberPromoteCallback): void;
          (request: etcdserverpb.IMemberPromoteRequest): Promise<etcdserverpb.MemberPromoteResponse>;
          readonly name: "MemberPromote";
          readonly path: "/etcdserverpb.Cluster/MemberPromote";
          readonly requestType: "MemberPromoteRequest";
          readonly responseType: "MemberPromoteResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /** Represents a Maintenance */
    class Maintenance extends $protobuf.rpc.Service {

        /**
         * Constructs a new Maintenance service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new Maintenance service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Maintenance;

        /** Calls Alarm. */
        alarm: etcdserverpb.Maintenance.Alarm;

        /** Calls Status. */
        status: etcdserverpb.Maintenance.Status;

        /** Calls Defragment. */
        defragment: etcdserverpb.Maintenance.Defragment;

        /** Calls Hash. */
        hash: etcdserverpb.Maintenance.Hash;

        /** Calls HashKV. */
        hashKV: etcdserverpb.Maintenance.HashKV;

        /** Calls Snapshot. */
        snapshot: etcdserverpb.Maintenance.Snapshot;

        /** Calls MoveLeader. */
        moveLeader: etcdserverpb.Maintenance.MoveLeader;
    }

    namespace Maintenance {

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#alarm}.
         * @param error Error, if any
         * @param [response] AlarmResponse
         */
        type AlarmCallback = (error: (Error|null), response?: etcdserverpb.AlarmResponse) => void;

        /** Calls Alarm. */
        type Alarm = {
          (request: etcdserverpb.IAlarmRequest, callback: etcdserverpb.Maintenance.AlarmCallback): void;
          (request: etcdserverpb.IAlarmRequest): Promise<etcdserverpb.AlarmResponse>;
          readonly name: "Alarm";
          readonly path: "/etcdserverpb.Maintenance/Alarm";
          readonly requestType: "AlarmRequest";
          readonly responseType: "AlarmResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#status}.
         * @param error Error, if any
         * @param [response] StatusResponse
         */
        type StatusCallback = (error: (Error|null), response?: etcdserverpb.StatusResponse) => void;

        /** Calls Status. */
        type Status = {
          (request: etcdserverpb.IStatusRequest, callback: etcdserverpb.Maintenance.StatusCallback): void;
          (request: etcdserverpb.IStatusRequest): Promise<etcdserverpb.StatusResponse>;
          readonly name: "Status";
          readonly path: "/etcdserverpb.Maintenance/Status";
          readonly requestType: "StatusRequest";
          readonly responseType: "StatusResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#defragment}.
         * @param error Error, if any
         * @param [response] DefragmentResponse
         */
        type DefragmentCallback = (error: (Error|null), response?: etcdserverpb.DefragmentResponse) => void;

        /** Calls Defragment. */
        type Defragment = {
          (request: etcdserverpb.IDefragmentRequest, callback: etcdserverpb.Maintenance.DefragmentCallback): void;
          (request: etcdserverpb.IDefragmentRequest): Promise<etcdserverpb.DefragmentResponse>;
          readonly name: "Defragment";
          readonly path: "/etcdserverpb.Maintenance/Defragment";
          readonly requestType: "DefragmentRequest";
          readonly responseType: "DefragmentResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#hash}.
         * @param error Error, if any
         * @param [response] HashResponse
         */
        type HashCallback = (error: (Error|null), response?: etcdserverpb.HashResponse) => void;

        /** Calls Hash. */
        type Hash = {
          (request: etcdserverpb.IHashRequest, callback: etcdserverpb.Maintenance.HashCallback): void;
          (request: etcdserverpb.IHashRequest): Promise<etcdserverpb.HashResponse>;
          readonly name: "Hash";
          readonly path: "/etcdserverpb.Maintenance/Hash";
          readonly requestType: "HashRequest";
          readonly responseType: "HashResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#hashKV}.
         * @param error Error, if any
         * @param [response] HashKVResponse
         */
        type HashKVCallback = (error: (Error|null), response?: etcdserverpb.HashKVResponse) => void;

        /** Calls HashKV. */
        type HashKV = {
          (request: etcdserverpb.IHashKVRequest, callback: etcdserverpb.Maintenance.HashKVCallback): void;
          (request: etcdserverpb.IHashKVRequest): Promise<etcdserverpb.HashKVResponse>;
          readonly name: "HashKV";
          readonly path: "/etcdserverpb.Maintenance/HashKV";
          readonly requestType: "HashKVRequest";
          readonly responseType: "HashKVResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#snapshot}.
         * @param error Error, if any
         * @param [response] SnapshotResponse
         */
        type SnapshotCallback = (error: (Error|null), response?: etcdserverpb.SnapshotResponse) => void;

        /** Calls Snapshot. */
        type Snapshot = {
          (request: etcdserverpb.ISnapshotRequest, callback: etcdserverpb.Maintenance.SnapshotCallback): void;
          (request: etcdserverpb.ISnapshotRequest): Promise<etcdserverpb.SnapshotResponse>;
          readonly name: "Snapshot";
          readonly path: "/etcdserverpb.Maintenance/Snapshot";
          readonly requestType: "SnapshotRequest";
          readonly responseType: "SnapshotResponse";
          readonly requestStream: undefined;
          readonly responseStream: true;
        };

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#moveLeader}.
         * @param error Error, if any
         * @param [response] MoveLeaderResponse
         */
        type MoveLeaderCallback = (error: (Error|null), response?: etcdserverpb.MoveLeaderResponse) => void;

        /** Calls MoveLeader. */
        type MoveLeader = {
          (request: etcdserverpb.IMoveLeaderRequest, callback: etcdserverpb.Maintenance.MoveLeaderCallback): void;
          (request: etcdserverpb.IMoveLeaderRequest): Promise<etcdserverpb.MoveLeaderResponse>;
          readonly name: "MoveLeader";
          readonly path: "/etcdserverpb.Maintenance/MoveLeader";
          readonly requestType: "MoveLeaderRequest";
          readonly responseType: "MoveLeaderResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /** Represents an Auth */
    class Auth extends $protobuf.rpc.Service {

        /**
         * Constructs a new Auth service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new Auth service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Auth;

        /** Calls AuthEnable. */
        authEnable: etcdserverpb.Auth.AuthEnable;

        /** Calls AuthDisable. */
        authDisable: etcdserverpb.Auth.AuthDisable;

        /** Calls Authenticate. */
        authenticate: etcdserverpb.Auth.Authenticate;

        /** Calls UserAdd. */
        userAdd: etcdserverpb.Auth.UserAdd;

        /** Calls UserGet. */
        userGet: etcdserverpb.Auth.UserGet;

        /** Calls UserList. */
        userList: etcdserverpb.Auth.UserList;

        /** Calls UserDelete. */
        userDelete: etcdserverpb.Auth.UserDelete;

        /** Calls UserChangePassword. */
        userChangePassword: etcdserverpb.Auth.UserChangePassword;

        /** Calls UserGrantRole. */
        userGrantRole: etcdserverpb.Auth.UserGrantRole;

        /** Calls UserRevokeRole. */
        userRevokeRole: etcdserverpb.Auth.UserRevokeRole;

        /** Calls RoleAdd. */
        roleAdd: etcdserverpb.Auth.RoleAdd;

        /** Calls RoleGet. */
        roleGet: etcdserverpb.Auth.RoleGet;

        /** Calls RoleList. */
        roleList: etcdserverpb.Auth.RoleList;

        /** Calls RoleDelete. */
        roleDelete: etcdserverpb.Auth.RoleDelete;

        /** Calls RoleGrantPermission. */
        roleGrantPermission: etcdserverpb.Auth.RoleGrantPermission;

        /** Calls RoleRevokePermission. */
        roleRevokePermission: etcdserverpb.Auth.RoleRevokePermission;
    }

    namespace Auth {

        /**
         * Callback as used by {@link etcdserverpb.Auth#authEnable}.
         * @param error Error, if any
         * @param [response] AuthEnableResponse
         */
        type AuthEnableCallback = (error: (Error|null), response?: etcdserverpb.AuthEnableResponse) => void;

        /** Calls AuthEnable. */
        type AuthEnable = {
          (request: etcdserverpb.IAuthEnableRequest, callback: etcdserverpb.Auth.AuthEnableCallback): void;
          (request: etcdserverpb.IAuthEnableRequest): Promise<etcdserverpb.AuthEnableResponse>;
          readonly name: "AuthEnable";
          readonly path: "/etcdserverpb.Auth/AuthEnable";
          readonly requestType: "AuthEnableRequest";
          readonly responseType: "AuthEnableResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#authDisable}.
         * @param error Error, if any
         * @param [response] AuthDisableResponse
         */
        type AuthDisableCallback = (error: (Error|null), response?: etcdserverpb.AuthDisableResponse) => void;

        /** Calls AuthDisable. */
        type AuthDisable = {
          (request: etcdserverpb.IAuthDisableRequest, callback: etcdserverpb.Auth.AuthDisableCallback): void;
          (request: etcdserverpb.IAuthDisableRequest): Promise<etcdserverpb.AuthDisableResponse>;
          readonly name: "AuthDisable";
          readonly path: "/etcdserverpb.Auth/AuthDisable";
          readonly requestType: "AuthDisableRequest";
          readonly responseType: "AuthDisableResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#authenticate}.
         * @param error Error, if any
         * @param [response] AuthenticateResponse
         */
        type AuthenticateCallback = (error: (Error|null), response?: etcdserverpb.AuthenticateResponse) => void;

        /** Calls Authenticate. */
        type Authenticate = {
          (request: etcdserverpb.IAuthenticateRequest, callback: etcdserverpb.Auth.AuthenticateCallback): void;
          (request: etcdserverpb.IAuthenticateRequest): Promise<etcdserverpb.AuthenticateResponse>;
          readonly name: "Authenticate";
          readonly path: "/etcdserverpb.Auth/Authenticate";
          readonly requestType: "AuthenticateRequest";
          readonly responseType: "AuthenticateResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#userAdd}.
         * @param error Error, if any
         * @param [response] AuthUserAddResponse
         */
        type UserAddCallback = (error: (Error|null), response?: etcdserverpb.AuthUserAddResponse) => void;

        /** Calls UserAdd. */
        type UserAdd = {
          (request: etcdserverpb.IAuthUserAddRequest, callback: etcdserverpb.Auth.UserAddCallback): void;
          (request: etcdserverpb.IAuthUserAddRequest): Promise<etcdserverpb.AuthUserAddResponse>;
          readonly name: "UserAdd";
          readonly path: "/etcdserverpb.Auth/UserAdd";
          readonly requestType: "AuthUserAddRequest";
          readonly responseType: "AuthUserAddResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#userGet}.
         * @param error Error, if any
         * @param [response] AuthUserGetResponse
         */
        type UserGetCallback = (error: (Error|null), response?: etcdserverpb.AuthUserGetResponse) => void;

        /** Calls UserGet. */
        type UserGet = {
          (request: etcdserverpb.IAuthUserGetRequest, callback: etcdserverpb.Auth.UserGetCallback): void;
          (request: etcdserverpb.IAuthUserGetRequest): Promise<etcdserverpb.AuthUserGetResponse>;
          readonly name: "UserGet";
          readonly path: "/etcdserverpb.Auth/UserGet";
          readonly requestType: "AuthUserGetRequest";
          readonly responseType: "AuthUserGetResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#userList}.
         * @param error Error, if any
         * @param [response] AuthUserListResponse
         */
        type UserListCallback = (error: (Error|null), response?: etcdserverpb.AuthUserListResponse) => void;

        /** Calls UserList. */
        type UserList = {
          (request: etcdserverpb.IAuthUserListRequest, callback: etcdserverpb.Auth.UserListCallback): void;
          (request: etcdserverpb.IAuthUserListRequest): Promise<etcdserverpb.AuthUserListResponse>;
          readonly name: "UserList";
          readonly path: "/etcdserverpb.Auth/UserList";
          readonly requestType: "AuthUserListRequest";
          readonly responseType: "AuthUserListResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#userDelete}.
         * @param error Error, if any
         * @param [response] AuthUserDeleteResponse
         */
        type UserDeleteCallback = (error: (Error|null), response?: etcdserverpb.AuthUserDeleteResponse) => void;

        /** Calls UserDelete. */
        type UserDelete = {
          (request: etcdserverpb.IAuthUserDeleteRequest, callback: etcdserverpb.Auth.UserDeleteCallback): void;
          (request: etcdserverpb.IAuthUserDeleteRequest): Promise<etcdserverpb.AuthUserDeleteResponse>;
          readonly name: "UserDelete";
          readonly path: "/etcdserverpb.Auth/UserDelete";
          readonly requestType: "AuthUserDeleteRequest";
          readonly responseType: "AuthUserDeleteResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#userChangePassword}.
         * @param error Error, if any
         * @param [response] AuthUserChangePasswordResponse
         */
        type UserChangePasswordCallback = (error: (Error|null), response?: etcdserverpb.AuthUserChangePasswordResponse) => void;

        /** Calls UserChangePassword. */
        type UserChangePassword = {
          (request: etcdserverpb.IAuthUserChangePasswordRequest, callback: etcdserverpb.Auth.UserChangePasswordCallback): void;
          (request: etcdserverpb.IAuthUserChangePasswordRequest): Promise<etcdserverpb.AuthUserChangePasswordResponse>;
          readonly name: "UserChangePassword";
          readonly path: "/etcdserverpb.Auth/UserChangePassword";
          readonly requestType: "AuthUserChangePasswordRequest";
          readonly responseType: "AuthUserChangePasswordResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#userGrantRole}.
         * @param error Error, if any
         * @param [response] AuthUserGrantRoleResponse
         */
        type UserGrantRoleCallback = (error: (Error|null), response?: etcdserverpb.AuthUserGrantRoleResponse) => void;

        /** Calls UserGrantRole. */
        type UserGrantRole = {
          (request: etcdserverpb.IAuthUserGrantRoleRequest, callback: etcdserverpb.Auth.UserGrantRoleCallback): void;
          (request: etcdserverpb.IAuthUserGrantRoleRequest): Promise<etcdserverpb.AuthUserGrantRoleResponse>;
          readonly name: "UserGrantRole";
          readonly path: "/etcdserverpb.Auth/UserGrantRole";
          readonly requestType: "AuthUserGrantRoleRequest";
          readonly responseType: "AuthUserGrantRoleResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#userRevokeRole}.
         * @param error Error, if any
         * @param [response] AuthUserRevokeRoleResponse
         */
        type UserRevokeRoleCallback = (error: (Error|null), response?: etcdserverpb.AuthUserRevokeRoleResponse) => void;

        /** Calls UserRevokeRole. */
        type UserRevokeRole = {
          (request: etcdserverpb.IAuthUserRevokeRoleRequest, callback: etcdserverpb.Auth.UserRevokeRoleCallback): void;
          (request: etcdserverpb.IAuthUserRevokeRoleRequest): Promise<etcdserverpb.AuthUserRevokeRoleResponse>;
          readonly name: "UserRevokeRole";
          readonly path: "/etcdserverpb.Auth/UserRevokeRole";
          readonly requestType: "AuthUserRevokeRoleRequest";
          readonly responseType: "AuthUserRevokeRoleResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#roleAdd}.
         * @param error Error, if any
         * @param [response] AuthRoleAddResponse
         */
        type RoleAddCallback = (error: (Error|null), response?: etcdserverpb.AuthRoleAddResponse) => void;

        /** Calls RoleAdd. */
        type RoleAdd = {
          (request: etcdserverpb.IAuthRoleAddRequest, callback: etcdserverpb.Auth.RoleAddCallback): void;
          (request: etcdserverpb.IAuthRoleAddRequest): Promise<etcdserverpb.AuthRoleAddResponse>;
          readonly name: "RoleAdd";
          readonly path: "/etcdserverpb.Auth/RoleAdd";
          readonly requestType: "AuthRoleAddRequest";
          readonly responseType: "AuthRoleAddResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#roleGet}.
         * @param error Error, if any
         * @param [response] AuthRoleGetResponse
         */
        type RoleGetCallback = (error: (Error|null), response?: etcdserverpb.AuthRoleGetResponse) => void;

        /** Calls RoleGet. */
        type RoleGet = {
          (request: etcdserverpb.IAuthRoleGetRequest, callback: etcdserverpb.Auth.RoleGetCallback): void;
          (request: etcdserverpb.IAuthRoleGetRequest): Promise<etcdserverpb.AuthRoleGetResponse>;
          readonly name: "RoleGet";
          readonly path: "/etcdserverpb.Auth/RoleGet";
          readonly requestType: "AuthRoleGetRequest";
          readonly responseType: "AuthRoleGetResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#roleList}.
         * @param error Error, if any
         * @param [response] AuthRoleListResponse
         */
        type RoleListCallback = (error: (Error|null), response?: etcdserverpb.AuthRoleListResponse) => void;

        /** Calls RoleList. */
        type RoleList = {
          (request: etcdserverpb.IAuthRoleListRequest, callback: etcdserverpb.Auth.RoleListCallback): void;
          (request: etcdserverpb.IAuthRoleListRequest): Promise<etcdserverpb.AuthRoleListResponse>;
          readonly name: "RoleList";
          readonly path: "/etcdserverpb.Auth/RoleList";
          readonly requestType: "AuthRoleListRequest";
          readonly responseType: "AuthRoleListResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#roleDelete}.
         * @param error Error, if any
         * @param [response] AuthRoleDeleteResponse
         */
        type RoleDeleteCallback = (error: (Error|null), response?: etcdserverpb.AuthRoleDeleteResponse) => void;

        /** Calls RoleDelete. */
        type RoleDelete = {
          (request: etcdserverpb.IAuthRoleDeleteRequest, callback: etcdserverpb.Auth.RoleDeleteCallback): void;
          (request: etcdserverpb.IAuthRoleDeleteRequest): Promise<etcdserverpb.AuthRoleDeleteResponse>;
          readonly name: "RoleDelete";
          readonly path: "/etcdserverpb.Auth/RoleDelete";
          readonly requestType: "AuthRoleDeleteRequest";
          readonly responseType: "AuthRoleDeleteResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#roleGrantPermission}.
         * @param error Error, if any
         * @param [response] AuthRoleGrantPermissionResponse
         */
        type RoleGrantPermissionCallback = (error: (Error|null), response?: etcdserverpb.AuthRoleGrantPermissionResponse) => void;

        /** Calls RoleGrantPermission. */
        type RoleGrantPermission = {
          (request: etcdserverpb.IAuthRoleGrantPermissionRequest, callback: etcdserverpb.Auth.RoleGrantPermissionCallback): void;
          (request: etcdserverpb.IAuthRoleGrantPermissionRequest): Promise<etcdserverpb.AuthRoleGrantPermissionResponse>;
          readonly name: "RoleGrantPermission";
          readonly path: "/etcdserverpb.Auth/RoleGrantPermission";
          readonly requestType: "AuthRoleGrantPermissionRequest";
          readonly responseType: "AuthRoleGrantPermissionResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#roleRevokePermission}.
         * @param error Error, if any
         * @param [response] AuthRoleRevokePermissionResponse
         */
        type RoleRevokePermissionCallback = (error: (Error|null), response?: etcdserverpb.AuthRoleRevokePermissionResponse) => void;

        /** Calls RoleRevokePermission. */
        type RoleRevokePermission = {
          (request: etcdserverpb.IAuthRoleRevokePermissionRequest, callback: etcdserverpb.Auth.RoleRevokePermissionCallback): void;
          (request: etcdserverpb.IAuthRoleRevokePermissionRequest): Promise<etcdserverpb.AuthRoleRevokePermissionResponse>;
          readonly name: "RoleRevokePermission";
          readonly path: "/etcdserverpb.Auth/RoleRevokePermission";
          readonly requestType: "AuthRoleRevokePermissionRequest";
          readonly responseType: "AuthRoleRevokePermissionResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /**
     * Properties of a ResponseHeader.
     * @deprecated Use etcdserverpb.ResponseHeader.$Properties instead.
     */
    interface IResponseHeader extends etcdserverpb.ResponseHeader.$Properties {
    }

    /** Represents a ResponseHeader. */
    class ResponseHeader {

        /**
         * Constructs a new ResponseHeader.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.ResponseHeader.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ResponseHeader cluster_id. */
        cluster_id: (number|Long);

        /** ResponseHeader member_id. */
        member_id: (number|Long);

        /** ResponseHeader revision. */
        revision: (number|Long);

        /** ResponseHeader raft_term. */
        raft_term: (number|Long);

        /**
         * Creates a new ResponseHeader instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ResponseHeader instance
         */
        static create(properties: etcdserverpb.ResponseHeader.$Shape): etcdserverpb.ResponseHeader & etcdserverpb.ResponseHeader.$Shape;
        static create(properties?: etcdserverpb.ResponseHeader.$Properties): etcdserverpb.ResponseHeader;

        /**
         * Encodes the specified ResponseHeader message. Does not implicitly {@link etcdserverpb.ResponseHeader.verify|verify} messages.
         * @param m ResponseHeader message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.ResponseHeader.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ResponseHeader message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.ResponseHeader & etcdserverpb.ResponseHeader.$Shape} ResponseHeader
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.ResponseHeader & etcdserverpb.ResponseHeader.$Shape;

        /**
         * Creates a ResponseHeader message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns ResponseHeader
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.ResponseHeader;

        /**
         * Creates a plain object from a ResponseHeader message. Also converts values to other types if specified.
         * @param m ResponseHeader
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.ResponseHeader, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ResponseHeader to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ResponseHeader
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ResponseHeader {

        /** Properties of a ResponseHeader. */
        interface $Properties {

            /** ResponseHeader cluster_id */
            cluster_id?: (number|Long|null);

            /** ResponseHeader member_id */
            member_id?: (number|Long|null);

            /** ResponseHeader revision */
            revision?: (number|Long|null);

            /** ResponseHeader raft_term */
            raft_term?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ResponseHeader. */
        type $Shape = etcdserverpb.ResponseHeader.$Properties;
    }

    /**
     * Properties of a RangeRequest.
     * @deprecated Use etcdserverpb.RangeRequest.$Properties instead.
     */
    interface IRangeRequest extends etcdserverpb.RangeRequest.$Properties {
    }

    /** Represents a RangeRequest. */
    class RangeRequest {

        /**
         * Constructs a new RangeRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.RangeRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RangeRequest key. */
        key: Uint8Array;

        /** RangeRequest range_end. */
        range_end: Uint8Array;

        /** RangeRequest limit. */
        limit: (number|Long);

        /** RangeRequest revision. */
        revision: (number|Long);

        /** RangeRequest sort_order. */
        sort_order: etcdserverpb.RangeRequest.SortOrder;

        /** RangeRequest sort_target. */
        sort_target: etcdserverpb.RangeRequest.SortTarget;

        /** RangeRequest serializable. */
        serializable: boolean;

        /** RangeRequest keys_only. */
        keys_only: boolean;

        /** RangeRequest count_only. */
        count_only: boolean;

        /** RangeRequest min_mod_revision. */
        min_mod_revision: (number|Long);

        /** RangeRequest max_mod_revision. */
        max_mod_revision: (number|Long);

        /** RangeRequest min_create_revision. */
        min_create_revision: (number|Long);

        /** RangeRequest max_create_revision. */
        max_create_revision: (number|Long);

        /**
         * Creates a new RangeRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RangeRequest instance
         */
        static create(properties: etcdserverpb.RangeRequest.$Shape): etcdserverpb.RangeRequest & etcdserverpb.RangeRequest.$Shape;
        static create(properties?: etcdserverpb.RangeRequest.$Properties): etcdserverpb.RangeRequest;

        /**
         * Encodes the specified RangeRequest message. Does not implicitly {@link etcdserverpb.RangeRequest.verify|verify} messages.
         * @param m RangeRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.RangeRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RangeRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.RangeRequest & etcdserverpb.RangeRequest.$Shape} RangeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.RangeRequest & etcdserverpb.RangeRequest.$Shape;

        /**
         * Creates a RangeRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns RangeRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.RangeRequest;

        /**
         * Creates a plain object from a RangeRequest message. Also converts values to other types if specified.
         * @param m RangeRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.RangeRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RangeRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RangeRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RangeRequest {

        /** Properties of a RangeRequest. */
        interface $Properties {

            /** RangeRequest key */
            key?: (Uint8Array|null);

            /** RangeRequest range_end */
            range_end?: (Uint8Array|null);

            /** RangeRequest limit */
            limit?: (number|Long|null);

            /** RangeRequest revision */
            revision?: (number|Long|null);

            /** RangeRequest sort_order */
            sort_order?: (etcdserverpb.RangeRequest.SortOrder|null);

            /** RangeRequest sort_target */
            sort_target?: (etcdserverpb.RangeRequest.SortTarget|null);

            /** RangeRequest serializable */
            serializable?: (boolean|null);

            /** RangeRequest keys_only */
            keys_only?: (boolean|null);

            /** RangeRequest count_only */
            count_only?: (boolean|null);

            /** RangeRequest min_mod_revision */
            min_mod_revision?: (number|Long|null);

            /** RangeRequest max_mod_revision */
            max_mod_revision?: (number|Long|null);

            /** RangeRequest min_create_revision */
            min_create_revision?: (number|Long|null);

            /** RangeRequest max_create_revision */
            max_create_revision?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RangeRequest. */
        type $Shape = etcdserverpb.RangeRequest.$Properties;

        /** SortOrder enum. */
        enum SortOrder {

            /** NONE value */
            NONE = 0,

            /** ASCEND value */
            ASCEND = 1,

            /** DESCEND value */
            DESCEND = 2
        }

        /** SortTarget enum. */
        enum SortTarget {

            /** KEY value */
            KEY = 0,

            /** VERSION value */
            VERSION = 1,

            /** CREATE value */
            CREATE = 2,

            /** MOD value */
            MOD = 3,

            /** VALUE value */
            VALUE = 4
        }
    }

    /**
     * Properties of a RangeResponse.
     * @deprecated Use etcdserverpb.RangeResponse.$Properties instead.
     */
    interface IRangeResponse extends etcdserverpb.RangeResponse.$Properties {
    }

    /** Represents a RangeResponse. */
    class RangeResponse {

        /**
         * Constructs a new RangeResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.RangeResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RangeResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** RangeResponse kvs. */
        kvs: mvccpb.KeyValue.$Properties[];

        /** RangeResponse more. */
        more: boolean;

        /** RangeResponse count. */
        count: (number|Long);

        /**
         * Creates a new RangeResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RangeResponse instance
         */
        static create(properties: etcdserverpb.RangeResponse.$Shape): etcdserverpb.RangeResponse & etcdserverpb.RangeResponse.$Shape;
        static create(properties?: etcdserverpb.RangeResponse.$Properties): etcdserverpb.RangeResponse;

        /**
         * Encodes the specified RangeResponse message. Does not implicitly {@link etcdserverpb.RangeResponse.verify|verify} messages.
         * @param m RangeResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.RangeResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RangeResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.RangeResponse & etcdserverpb.RangeResponse.$Shape} RangeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.RangeResponse & etcdserverpb.RangeResponse.$Shape;

        /**
         * Creates a RangeResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns RangeResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.RangeResponse;

        /**
         * Creates a plain object from a RangeResponse message. Also converts values to other types if specified.
         * @param m RangeResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.RangeResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RangeResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RangeResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RangeResponse {

        /** Properties of a RangeResponse. */
        interface $Properties {

            /** RangeResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** RangeResponse kvs */
            kvs?: (mvccpb.KeyValue.$Properties[]|null);

            /** RangeResponse more */
            more?: (boolean|null);

            /** RangeResponse count */
            count?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RangeResponse. */
        type $Shape = etcdserverpb.RangeResponse.$Properties;
    }

    /**
     * Properties of a PutRequest.
     * @deprecated Use etcdserverpb.PutRequest.$Properties instead.
     */
    interface IPutRequest extends etcdserverpb.PutRequest.$Properties {
    }

    /** Represents a PutRequest. */
    class PutRequest {

        /**
         * Constructs a new PutRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.PutRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PutRequest key. */
        key: Uint8Array;

        /** PutRequest value. */
        value: Uint8Array;

        /** PutRequest lease. */
        lease: (number|Long);

        /** PutRequest prev_kv. */
        prev_kv: boolean;

        /** PutRequest ignore_value. */
        ignore_value: boolean;

        /** PutRequest ignore_lease. */
        ignore_lease: boolean;

        /**
         * Creates a new PutRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns PutRequest instance
         */
        static create(properties: etcdserverpb.PutRequest.$Shape): etcdserverpb.PutRequest & etcdserverpb.PutRequest.$Shape;
        static create(properties?: etcdserverpb.PutRequest.$Properties): etcdserverpb.PutRequest;

        /**
         * Encodes the specified PutRequest message. Does not implicitly {@link etcdserverpb.PutRequest.verify|verify} messages.
         * @param m PutRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.PutRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PutRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.PutRequest & etcdserverpb.PutRequest.$Shape} PutRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.PutRequest & etcdserverpb.PutRequest.$Shape;

        /**
         * Creates a PutRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns PutRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.PutRequest;

        /**
         * Creates a plain object from a PutRequest message. Also converts values to other types if specified.
         * @param m PutRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.PutRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this PutRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for PutRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace PutRequest {

        /** Properties of a PutRequest. */
        interface $Properties {

            /** PutRequest key */
            key?: (Uint8Array|null);

            /** PutRequest value */
            value?: (Uint8Array|null);

            /** PutRequest lease */
            lease?: (number|Long|null);

            /** PutRequest prev_kv */
            prev_kv?: (boolean|null);

            /** PutRequest ignore_value */
            ignore_value?: (boolean|null);

            /** PutRequest ignore_lease */
            ignore_lease?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PutRequest. */
        type $Shape = etcdserverpb.PutRequest.$Properties;
    }

    /**
     * Properties of a PutResponse.
     * @deprecated Use etcdserverpb.PutResponse.$Properties instead.
     */
    interface IPutResponse extends etcdserverpb.PutResponse.$Properties {
    }

    /** Represents a PutResponse. */
    class PutResponse {

        /**
         * Constructs a new PutResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.PutResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PutResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** PutResponse prev_kv. */
        prev_kv?: (mvccpb.KeyValue.$Properties|null);

        /**
         * Creates a new PutResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns PutResponse instance
         */
        static create(properties: etcdserverpb.PutResponse.$Shape): etcdserverpb.PutResponse & etcdserverpb.PutResponse.$Shape;
        static create(properties?: etcdserverpb.PutResponse.$Properties): etcdserverpb.PutResponse;

        /**
         * Encodes the specified PutResponse message. Does not implicitly {@link etcdserverpb.PutResponse.verify|verify} messages.
         * @param m PutResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.PutResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PutResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.PutResponse & etcdserverpb.PutResponse.$Shape} PutResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.PutResponse & etcdserverpb.PutResponse.$Shape;

        /**
         * Creates a PutResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns PutResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.PutResponse;

        /**
         * Creates a plain object from a PutResponse message. Also converts values to other types if specified.
         * @param m PutResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.PutResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this PutResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for PutResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace PutResponse {

        /** Properties of a PutResponse. */
        interface $Properties {

            /** PutResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** PutResponse prev_kv */
            prev_kv?: (mvccpb.KeyValue.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PutResponse. */
        type $Shape = etcdserverpb.PutResponse.$Properties;
    }

    /**
     * Properties of a DeleteRangeRequest.
     * @deprecated Use etcdserverpb.DeleteRangeRequest.$Properties instead.
     */
    interface IDeleteRangeRequest extends etcdserverpb.DeleteRangeRequest.$Properties {
    }

    /** Represents a DeleteRangeRequest. */
    class DeleteRangeRequest {

        /**
         * Constructs a new DeleteRangeRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.DeleteRangeRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DeleteRangeRequest key. */
        key: Uint8Array;

        /** DeleteRangeRequest range_end. */
        range_end: Uint8Array;

        /** DeleteRangeRequest prev_kv. */
        prev_kv: boolean;

        /**
         * Creates a new DeleteRangeRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DeleteRangeRequest instance
         */
        static create(properties: etcdserverpb.DeleteRangeRequest.$Shape): etcdserverpb.DeleteRangeRequest & etcdserverpb.DeleteRangeRequest.$Shape;
        static create(properties?: etcdserverpb.DeleteRangeRequest.$Properties): etcdserverpb.DeleteRangeRequest;

        /**
         * Encodes the specified DeleteRangeRequest message. Does not implicitly {@link etcdserverpb.DeleteRangeRequest.verify|verify} messages.
         * @param m DeleteRangeRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.DeleteRangeRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DeleteRangeRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.DeleteRangeRequest & etcdserverpb.DeleteRangeRequest.$Shape} DeleteRangeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.DeleteRangeRequest & etcdserverpb.DeleteRangeRequest.$Shape;

        /**
         * Creates a DeleteRangeRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns DeleteRangeRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.DeleteRangeRequest;

        /**
         * Creates a plain object from a DeleteRangeRequest message. Also converts values to other types if specified.
         * @param m DeleteRangeRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.DeleteRangeRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this DeleteRangeRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for DeleteRangeRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace DeleteRangeRequest {

        /** Properties of a DeleteRangeRequest. */
        interface $Properties {

            /** DeleteRangeRequest key */
            key?: (Uint8Array|null);

            /** DeleteRangeRequest range_end */
            range_end?: (Uint8Array|null);

            /** DeleteRangeRequest prev_kv */
            prev_kv?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DeleteRangeRequest. */
        type $Shape = etcdserverpb.DeleteRangeRequest.$Properties;
    }

    /**
     * Properties of a DeleteRangeResponse.
     * @deprecated Use etcdserverpb.DeleteRangeResponse.$Properties instead.
     */
    interface IDeleteRangeResponse extends etcdserverpb.DeleteRangeResponse.$Properties {
    }

    /** Represents a DeleteRangeResponse. */
    class DeleteRangeResponse {

        /**
         * Constructs a new DeleteRangeResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.DeleteRangeResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DeleteRangeResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** DeleteRangeResponse deleted. */
        deleted: (number|Long);

        /** DeleteRangeResponse prev_kvs. */
        prev_kvs: mvccpb.KeyValue.$Properties[];

        /**
         * Creates a new DeleteRangeResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DeleteRangeResponse instance
         */
        static create(properties: etcdserverpb.DeleteRangeResponse.$Shape): etcdserverpb.DeleteRangeResponse & etcdserverpb.DeleteRangeResponse.$Shape;
        static create(properties?: etcdserverpb.DeleteRangeResponse.$Properties): etcdserverpb.DeleteRangeResponse;

        /**
         * Encodes the specified DeleteRangeResponse message. Does not implicitly {@link etcdserverpb.DeleteRangeResponse.verify|verify} messages.
         * @param m DeleteRangeResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.DeleteRangeResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DeleteRangeResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.DeleteRangeResponse & etcdserverpb.DeleteRangeResponse.$Shape} DeleteRangeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.DeleteRangeResponse & etcdserverpb.DeleteRangeResponse.$Shape;

        /**
         * Creates a DeleteRangeResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns DeleteRangeResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.DeleteRangeResponse;

        /**
         * Creates a plain object from a DeleteRangeResponse message. Also converts values to other types if specified.
         * @param m DeleteRangeResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.DeleteRangeResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this DeleteRangeResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for DeleteRangeResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace DeleteRangeResponse {

        /** Properties of a DeleteRangeResponse. */
        interface $Properties {

            /** DeleteRangeResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** DeleteRangeResponse deleted */
            deleted?: (number|Long|null);

            /** DeleteRangeResponse prev_kvs */
            prev_kvs?: (mvccpb.KeyValue.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DeleteRangeResponse. */
        type $Shape = etcdserverpb.DeleteRangeResponse.$Properties;
    }

    /**
     * Properties of a RequestOp.
     * @deprecated Use etcdserverpb.RequestOp.$Properties instead.
     */
    interface IRequestOp extends etcdserverpb.RequestOp.$Properties {
    }

    /** Represents a RequestOp. */
    class RequestOp {

        /**
         * Constructs a new RequestOp.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.RequestOp.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RequestOp request_range. */
        request_range?: (etcdserverpb.RangeRequest.$Properties|null);

        /** RequestOp request_put. */
        request_put?: (etcdserverpb.PutRequest.$Properties|null);

        /** RequestOp request_delete_range. */
        request_delete_range?: (etcdserverpb.DeleteRangeRequest.$Properties|null);

        /** RequestOp request_txn. */
        request_txn?: (etcdserverpb.TxnRequest.$Properties|null);

        /** RequestOp request. */
        request?: ("request_range"|"request_put"|"request_delete_range"|"request_txn");

        /**
         * Creates a new RequestOp instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RequestOp instance
         */
        static create(properties: etcdserverpb.RequestOp.$Shape): etcdserverpb.RequestOp & etcdserverpb.RequestOp.$Shape;
        static create(properties?: etcdserverpb.RequestOp.$Properties): etcdserverpb.RequestOp;

        /**
         * Encodes the specified RequestOp message. Does not implicitly {@link etcdserverpb.RequestOp.verify|verify} messages.
         * @param m RequestOp message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.RequestOp.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RequestOp message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.RequestOp & etcdserverpb.RequestOp.$Shape} RequestOp
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.RequestOp & etcdserverpb.RequestOp.$Shape;

        /**
         * Creates a RequestOp message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns RequestOp
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.RequestOp;

        /**
         * Creates a plain object from a RequestOp message. Also converts values to other types if specified.
         * @param m RequestOp
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.RequestOp, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RequestOp to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RequestOp
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RequestOp {

        /** Properties of a RequestOp. */
        interface $Properties {

            /** RequestOp request_range */
            request_range?: (etcdserverpb.RangeRequest.$Properties|null);

            /** RequestOp request_put */
            request_put?: (etcdserverpb.PutRequest.$Properties|null);

            /** RequestOp request_delete_range */
            request_delete_range?: (etcdserverpb.DeleteRangeRequest.$Properties|null);

            /** RequestOp request_txn */
            request_txn?: (etcdserverpb.TxnRequest.$Properties|null);

            /** RequestOp request */
            request?: ("request_range"|"request_put"|"request_delete_range"|"request_txn");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a RequestOp. */
        type $Shape = {
          request_range?: etcdserverpb.RangeRequest.$Shape|null;
          request_put?: etcdserverpb.PutRequest.$Shape|null;
          request_delete_range?: etcdserverpb.DeleteRangeRequest.$Shape|null;
          request_txn?: etcdserverpb.TxnRequest.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ request?: undefined; request_range?: null; request_put?: null; request_delete_range?: null; request_txn?: null }|{ request?: "request_range"; request_range: etcdserverpb.RangeRequest.$Shape; request_put?: null; request_delete_range?: null; request_txn?: null }|{ request?: "request_put"; request_range?: null; request_put: etcdserverpb.PutRequest.$Shape; request_delete_range?: null; request_txn?: null }|{ request?: "request_delete_range"; request_range?: null; request_put?: null; request_delete_range: etcdserverpb.DeleteRangeRequest.$Shape; request_txn?: null }|{ request?: "request_txn"; request_range?: null; request_put?: null; request_delete_range?: null; request_txn: etcdserverpb.TxnRequest.$Shape })
        );
    }

    /**
     * Properties of a ResponseOp.
     * @deprecated Use etcdserverpb.ResponseOp.$Properties instead.
     */
    interface IResponseOp extends etcdserverpb.ResponseOp.$Properties {
    }

    /** Represents a ResponseOp. */
    class ResponseOp {

        /**
         * Constructs a new ResponseOp.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.ResponseOp.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ResponseOp response_range. */
        response_range?: (etcdserverpb.RangeResponse.$Properties|null);

        /** ResponseOp response_put. */
        response_put?: (etcdserverpb.PutResponse.$Properties|null);

        /** ResponseOp response_delete_range. */
        response_delete_range?: (etcdserverpb.DeleteRangeResponse.$Properties|null);

        /** ResponseOp response_txn. */
        response_txn?: (etcdserverpb.TxnResponse.$Properties|null);

        /** ResponseOp response. */
        response?: ("response_range"|"response_put"|"response_delete_range"|"response_txn");

        /**
         * Creates a new ResponseOp instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ResponseOp instance
         */
        static create(properties: etcdserverpb.ResponseOp.$Shape): etcdserverpb.ResponseOp & etcdserverpb.ResponseOp.$Shape;
        static create(properties?: etcdserverpb.ResponseOp.$Properties): etcdserverpb.ResponseOp;

        /**
         * Encodes the specified ResponseOp message. Does not implicitly {@link etcdserverpb.ResponseOp.verify|verify} messages.
         * @param m ResponseOp message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.ResponseOp.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ResponseOp message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.ResponseOp & etcdserverpb.ResponseOp.$Shape} ResponseOp
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.ResponseOp & etcdserverpb.ResponseOp.$Shape;

        /**
         * Creates a ResponseOp message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns ResponseOp
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.ResponseOp;

        /**
         * Creates a plain object from a ResponseOp message. Also converts values to other types if specified.
         * @param m ResponseOp
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.ResponseOp, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ResponseOp to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ResponseOp
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ResponseOp {

        /** Properties of a ResponseOp. */
        interface $Properties {

            /** ResponseOp response_range */
            response_range?: (etcdserverpb.RangeResponse.$Properties|null);

            /** ResponseOp response_put */
            response_put?: (etcdserverpb.PutResponse.$Properties|null);

            /** ResponseOp response_delete_range */
            response_delete_range?: (etcdserverpb.DeleteRangeResponse.$Properties|null);

            /** ResponseOp response_txn */
            response_txn?: (etcdserverpb.TxnResponse.$Properties|null);

            /** ResponseOp response */
            response?: ("response_range"|"response_put"|"response_delete_range"|"response_txn");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a ResponseOp. */
        type $Shape = {
          response_range?: etcdserverpb.RangeResponse.$Shape|null;
          response_put?: etcdserverpb.PutResponse.$Shape|null;
          response_delete_range?: etcdserverpb.DeleteRangeResponse.$Shape|null;
          response_txn?: etcdserverpb.TxnResponse.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ response?: undefined; response_range?: null; response_put?: null; response_delete_range?: null; response_txn?: null }|{ response?: "response_range"; response_range: etcdserverpb.RangeResponse.$Shape; response_put?: null; response_delete_range?: null; response_txn?: null }|{ response?: "response_put"; response_range?: null; response_put: etcdserverpb.PutResponse.$Shape; response_delete_range?: null; response_txn?: null }|{ response?: "response_delete_range"; response_range?: null; response_put?: null; response_delete_range: etcdserverpb.DeleteRangeResponse.$Shape; response_txn?: null }|{ response?: "response_txn"; response_range?: null; response_put?: null; response_delete_range?: null; response_txn: etcdserverpb.TxnResponse.$Shape })
        );
    }

    /**
     * Properties of a Compare.
     * @deprecated Use etcdserverpb.Compare.$Properties instead.
     */
    interface ICompare extends etcdserverpb.Compare.$Properties {
    }

    /** Represents a Compare. */
    class Compare {

        /**
         * Constructs a new Compare.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.Compare.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Compare result. */
        result: etcdserverpb.Compare.CompareResult;

        /** Compare target. */
        target: etcdserverpb.Compare.CompareTarget;

        /** Compare key. */
        key: Uint8Array;

        /** Compare version. */
        version?: (number|Long|null);

        /** Compare create_revision. */
        create_revision?: (number|Long|null);

        /** Compare mod_revision. */
        mod_revision?: (number|Long|null);

        /** Compare value. */
        value?: (Uint8Array|null);

        /** Compare lease. */
        lease?: (number|Long|null);

        /** Compare range_end. */
        range_end: Uint8Array;

        /** Compare target_union. */
        target_union?: ("version"|"create_revision"|"mod_revision"|"value"|"lease");

        /**
         * Creates a new Compare instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Compare instance
         */
        static create(properties: etcdserverpb.Compare.$Shape): etcdserverpb.Compare & etcdserverpb.Compare.$Shape;
        static create(properties?: etcdserverpb.Compare.$Properties): etcdserverpb.Compare;

        /**
         * Encodes the specified Compare message. Does not implicitly {@link etcdserverpb.Compare.verify|verify} messages.
         * @param m Compare message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.Compare.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Compare message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.Compare & etcdserverpb.Compare.$Shape} Compare
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.Compare & etcdserverpb.Compare.$Shape;

        /**
         * Creates a Compare message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Compare
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.Compare;

        /**
         * Creates a plain object from a Compare message. Also converts values to other types if specified.
         * @param m Compare
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.Compare, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Compare to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Compare
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Compare {

        /** Properties of a Compare. */
        interface $Properties {

            /** Compare result */
            result?: (etcdserverpb.Compare.CompareResult|null);

            /** Compare target */
            target?: (etcdserverpb.Compare.CompareTarget|null);

            /** Compare key */
            key?: (Uint8Array|null);

            /** Compare version */
            version?: (number|Long|null);

            /** Compare create_revision */
            create_revision?: (number|Long|null);

            /** Compare mod_revision */
            mod_revision?: (number|Long|null);

            /** Compare value */
            value?: (Uint8Array|null);

            /** Compare lease */
            lease?: (number|Long|null);

            /** Compare range_end */
            range_end?: (Uint8Array|null);

            /** Compare target_union */
            target_union?: ("version"|"create_revision"|"mod_revision"|"value"|"lease");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a Compare. */
        type $Shape = {
          result?: etcdserverpb.Compare.CompareResult|null;
          target?: etcdserverpb.Compare.CompareTarget|null;
          key?: Uint8Array|null;
          version?: number|Long|null;
          create_revision?: number|Long|null;
          mod_revision?: number|Long|null;
          value?: Uint8Array|null;
          lease?: number|Long|null;
          range_end?: Uint8Array|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ target_union?: undefined; version?: null; create_revision?: null; mod_revision?: null; value?: null; lease?: null }|{ target_union?: "version"; version: number|Long; create_revision?: null; mod_revision?: null; value?: null; lease?: null }|{ target_union?: "create_revision"; version?: null; create_revision: number|Long; mod_revision?: null; value?: null; lease?: null }|{ target_union?: "mod_revision"; version?: null; create_revision?: null; mod_revision: number|Long; value?: null; lease?: null }|{ target_union?: "value"; version?: null; create_revision?: null; mod_revision?: null; value: Uint8Array; lease?: null }|{ target_union?: "lease"; version?: null; create_revision?: null; mod_revision?: null; value?: null; lease: number|Long })
        );

        /** CompareResult enum. */
        enum CompareResult {

            /** EQUAL value */
            EQUAL = 0,

            /** GREATER value */
            GREATER = 1,

            /** LESS value */
            LESS = 2,

            /** NOT_EQUAL value */
            NOT_EQUAL = 3
        }

        /** CompareTarget enum. */
        enum CompareTarget {

            /** VERSION value */
            VERSION = 0,

            /** CREATE value */
            CREATE = 1,

            /** MOD value */
            MOD = 2,

            /** VALUE value */
            VALUE = 3,

            /** LEASE value */
            LEASE = 4
        }
    }

    /**
     * Properties of a TxnRequest.
     * @deprecated Use etcdserverpb.TxnRequest.$Properties instead.
     */
    interface ITxnRequest extends etcdserverpb.TxnRequest.$Properties {
    }

    /** Represents a TxnRequest. */
    class TxnRequest {

        /**
         * Constructs a new TxnRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.TxnRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TxnRequest compare. */
        compare: etcdserverpb.Compare.$Properties[];

        /** TxnRequest success. */
        success: etcdserverpb.RequestOp.$Properties[];

        /** TxnRequest failure. */
        failure: etcdserverpb.RequestOp.$Properties[];

        /**
         * Creates a new TxnRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TxnRequest instance
         */
        static create(properties: etcdserverpb.TxnRequest.$Shape): etcdserverpb.TxnRequest & etcdserverpb.TxnRequest.$Shape;
        static create(properties?: etcdserverpb.TxnRequest.$Properties): etcdserverpb.TxnRequest;

        /**
         * Encodes the specified TxnRequest message. Does not implicitly {@link etcdserverpb.TxnRequest.verify|verify} messages.
         * @param m TxnRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.TxnRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TxnRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.TxnRequest & etcdserverpb.TxnRequest.$Shape} TxnRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.TxnRequest & etcdserverpb.TxnRequest.$Shape;

        /**
         * Creates a TxnRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns TxnRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.TxnRequest;

        /**
         * Creates a plain object from a TxnRequest message. Also converts values to other types if specified.
         * @param m TxnRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.TxnRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this TxnRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for TxnRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace TxnRequest {

        /** Properties of a TxnRequest. */
        interface $Properties {

            /** TxnRequest compare */
            compare?: (etcdserverpb.Compare.$Properties[]|null);

            /** TxnRequest success */
            success?: (etcdserverpb.RequestOp.$Properties[]|null);

            /** TxnRequest failure */
            failure?: (etcdserverpb.RequestOp.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TxnRequest. */
        type $Shape = {
          compare?: etcdserverpb.Compare.$Shape[]|null;
          success?: etcdserverpb.RequestOp.$Shape[]|null;
          failure?: etcdserverpb.RequestOp.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a TxnResponse.
     * @deprecated Use etcdserverpb.TxnResponse.$Properties instead.
     */
    interface ITxnResponse extends etcdserverpb.TxnResponse.$Properties {
    }

    /** Represents a TxnResponse. */
    class TxnResponse {

        /**
         * Constructs a new TxnResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.TxnResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TxnResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** TxnResponse succeeded. */
        succeeded: boolean;

        /** TxnResponse responses. */
        responses: etcdserverpb.ResponseOp.$Properties[];

        /**
         * Creates a new TxnResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TxnResponse instance
         */
        static create(properties: etcdserverpb.TxnResponse.$Shape): etcdserverpb.TxnResponse & etcdserverpb.TxnResponse.$Shape;
        static create(properties?: etcdserverpb.TxnResponse.$Properties): etcdserverpb.TxnResponse;

        /**
         * Encodes the specified TxnResponse message. Does not implicitly {@link etcdserverpb.TxnResponse.verify|verify} messages.
         * @param m TxnResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.TxnResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TxnResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.TxnResponse & etcdserverpb.TxnResponse.$Shape} TxnResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.TxnResponse & etcdserverpb.TxnResponse.$Shape;

        /**
         * Creates a TxnResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns TxnResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.TxnResponse;

        /**
         * Creates a plain object from a TxnResponse message. Also converts values to other types if specified.
         * @param m TxnResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.TxnResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this TxnResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for TxnResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace TxnResponse {

        /** Properties of a TxnResponse. */
        interface $Properties {

            /** TxnResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** TxnResponse succeeded */
            succeeded?: (boolean|null);

            /** TxnResponse responses */
            responses?: (etcdserverpb.ResponseOp.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TxnResponse. */
        type $Shape = {
          header?: etcdserverpb.ResponseHeader.$Shape|null;
          succeeded?: boolean|null;
          responses?: etcdserverpb.ResponseOp.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a CompactionRequest.
     * @deprecated Use etcdserverpb.CompactionRequest.$Properties instead.
     */
    interface ICompactionRequest extends etcdserverpb.CompactionRequest.$Properties {
    }

    /** Represents a CompactionRequest. */
    class CompactionRequest {

        /**
         * Constructs a new CompactionRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.CompactionRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CompactionRequest revision. */
        revision: (number|Long);

        /** CompactionRequest physical. */
        physical: boolean;

        /**
         * Creates a new CompactionRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CompactionRequest instance
         */
        static create(properties: etcdserverpb.CompactionRequest.$Shape): etcdserverpb.CompactionRequest & etcdserverpb.CompactionRequest.$Shape;
        static create(properties?: etcdserverpb.CompactionRequest.$Properties): etcdserverpb.CompactionRequest;

        /**
         * Encodes the specified CompactionRequest message. Does not implicitly {@link etcdserverpb.CompactionRequest.verify|verify} messages.
         * @param m CompactionRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.CompactionRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CompactionRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.CompactionRequest & etcdserverpb.CompactionRequest.$Shape} CompactionRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.CompactionRequest & etcdserverpb.CompactionRequest.$Shape;

        /**
         * Creates a CompactionRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns CompactionRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.CompactionRequest;

        /**
         * Creates a plain object from a CompactionRequest message. Also converts values to other types if specified.
         * @param m CompactionRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.CompactionRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this CompactionRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for CompactionRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace CompactionRequest {

        /** Properties of a CompactionRequest. */
        interface $Properties {

            /** CompactionRequest revision */
            revision?: (number|Long|null);

            /** CompactionRequest physical */
            physical?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CompactionRequest. */
        type $Shape = etcdserverpb.CompactionRequest.$Properties;
    }

    /**
     * Properties of a CompactionResponse.
     * @deprecated Use etcdserverpb.CompactionResponse.$Properties instead.
     */
    interface ICompactionResponse extends etcdserverpb.CompactionResponse.$Properties {
    }

    /** Represents a CompactionResponse. */
    class CompactionResponse {

        /**
         * Constructs a new CompactionResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.CompactionResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CompactionResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new CompactionResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CompactionResponse instance
         */
        static create(properties: etcdserverpb.CompactionResponse.$Shape): etcdserverpb.CompactionResponse & etcdserverpb.CompactionResponse.$Shape;
        static create(properties?: etcdserverpb.CompactionResponse.$Properties): etcdserverpb.CompactionResponse;

        /**
         * Encodes the specified CompactionResponse message. Does not implicitly {@link etcdserverpb.CompactionResponse.verify|verify} messages.
         * @param m CompactionResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.CompactionResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CompactionResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.CompactionResponse & etcdserverpb.CompactionResponse.$Shape} CompactionResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.CompactionResponse & etcdserverpb.CompactionResponse.$Shape;

        /**
         * Creates a CompactionResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns CompactionResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.CompactionResponse;

        /**
         * Creates a plain object from a CompactionResponse message. Also converts values to other types if specified.
         * @param m CompactionResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.CompactionResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this CompactionResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for CompactionResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace CompactionResponse {

        /** Properties of a CompactionResponse. */
        interface $Properties {

            /** CompactionResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CompactionResponse. */
        type $Shape = etcdserverpb.CompactionResponse.$Properties;
    }

    /**
     * Properties of a HashRequest.
     * @deprecated Use etcdserverpb.HashRequest.$Properties instead.
     */
    interface IHashRequest extends etcdserverpb.HashRequest.$Properties {
    }

    /** Represents a HashRequest. */
    class HashRequest {

        /**
         * Constructs a new HashRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.HashRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new HashRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HashRequest instance
         */
        static create(properties: etcdserverpb.HashRequest.$Shape): etcdserverpb.HashRequest & etcdserverpb.HashRequest.$Shape;
        static create(properties?: etcdserverpb.HashRequest.$Properties): etcdserverpb.HashRequest;

        /**
         * Encodes the specified HashRequest message. Does not implicitly {@link etcdserverpb.HashRequest.verify|verify} messages.
         * @param m HashRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.HashRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HashRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.HashRequest & etcdserverpb.HashRequest.$Shape} HashRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.HashRequest & etcdserverpb.HashRequest.$Shape;

        /**
         * Creates a HashRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns HashRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.HashRequest;

        /**
         * Creates a plain object from a HashRequest message. Also converts values to other types if specified.
         * @param m HashRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.HashRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HashRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for HashRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace HashRequest {

        /** Properties of a HashRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HashRequest. */
        type $Shape = etcdserverpb.HashRequest.$Properties;
    }

    /**
     * Properties of a HashKVRequest.
     * @deprecated Use etcdserverpb.HashKVRequest.$Properties instead.
     */
    interface IHashKVRequest extends etcdserverpb.HashKVRequest.$Properties {
    }

    /** Represents a HashKVRequest. */
    class HashKVRequest {

        /**
         * Constructs a new HashKVRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.HashKVRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HashKVRequest revision. */
        revision: (number|Long);

        /**
         * Creates a new HashKVRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HashKVRequest instance
         */
        static create(properties: etcdserverpb.HashKVRequest.$Shape): etcdserverpb.HashKVRequest & etcdserverpb.HashKVRequest.$Shape;
        static create(properties?: etcdserverpb.HashKVRequest.$Properties): etcdserverpb.HashKVRequest;

        /**
         * Encodes the specified HashKVRequest message. Does not implicitly {@link etcdserverpb.HashKVRequest.verify|verify} messages.
         * @param m HashKVRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.HashKVRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HashKVRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.HashKVRequest & etcdserverpb.HashKVRequest.$Shape} HashKVRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.HashKVRequest & etcdserverpb.HashKVRequest.$Shape;

        /**
         * Creates a HashKVRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns HashKVRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.HashKVRequest;

        /**
         * Creates a plain object from a HashKVRequest message. Also converts values to other types if specified.
         * @param m HashKVRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.HashKVRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HashKVRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for HashKVRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace HashKVRequest {

        /** Properties of a HashKVRequest. */
        interface $Properties {

            /** HashKVRequest revision */
            revision?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HashKVRequest. */
        type $Shape = etcdserverpb.HashKVRequest.$Properties;
    }

    /**
     * Properties of a HashKVResponse.
     * @deprecated Use etcdserverpb.HashKVResponse.$Properties instead.
     */
    interface IHashKVResponse extends etcdserverpb.HashKVResponse.$Properties {
    }

    /** Represents a HashKVResponse. */
    class HashKVResponse {

        /**
         * Constructs a new HashKVResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.HashKVResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HashKVResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** HashKVResponse hash. */
        hash: number;

        /** HashKVResponse compact_revision. */
        compact_revision: (number|Long);

        /**
         * Creates a new HashKVResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HashKVResponse instance
         */
        static create(properties: etcdserverpb.HashKVResponse.$Shape): etcdserverpb.HashKVResponse & etcdserverpb.HashKVResponse.$Shape;
        static create(properties?: etcdserverpb.HashKVResponse.$Properties): etcdserverpb.HashKVResponse;

        /**
         * Encodes the specified HashKVResponse message. Does not implicitly {@link etcdserverpb.HashKVResponse.verify|verify} messages.
         * @param m HashKVResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.HashKVResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HashKVResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.HashKVResponse & etcdserverpb.HashKVResponse.$Shape} HashKVResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.HashKVResponse & etcdserverpb.HashKVResponse.$Shape;

        /**
         * Creates a HashKVResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns HashKVResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.HashKVResponse;

        /**
         * Creates a plain object from a HashKVResponse message. Also converts values to other types if specified.
         * @param m HashKVResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.HashKVResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HashKVResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for HashKVResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace HashKVResponse {

        /** Properties of a HashKVResponse. */
        interface $Properties {

            /** HashKVResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** HashKVResponse hash */
            hash?: (number|null);

            /** HashKVResponse compact_revision */
            compact_revision?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HashKVResponse. */
        type $Shape = etcdserverpb.HashKVResponse.$Properties;
    }

    /**
     * Properties of a HashResponse.
     * @deprecated Use etcdserverpb.HashResponse.$Properties instead.
     */
    interface IHashResponse extends etcdserverpb.HashResponse.$Properties {
    }

    /** Represents a HashResponse. */
    class HashResponse {

        /**
         * Constructs a new HashResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.HashResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HashResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** HashResponse hash. */
        hash: number;

        /**
         * Creates a new HashResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HashResponse instance
         */
        static create(properties: etcdserverpb.HashResponse.$Shape): etcdserverpb.HashResponse & etcdserverpb.HashResponse.$Shape;
        static create(properties?: etcdserverpb.HashResponse.$Properties): etcdserverpb.HashResponse;

        /**
         * Encodes the specified HashResponse message. Does not implicitly {@link etcdserverpb.HashResponse.verify|verify} messages.
         * @param m HashResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.HashResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HashResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.HashResponse & etcdserverpb.HashResponse.$Shape} HashResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.HashResponse & etcdserverpb.HashResponse.$Shape;

        /**
         * Creates a HashResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns HashResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.HashResponse;

        /**
         * Creates a plain object from a HashResponse message. Also converts values to other types if specified.
         * @param m HashResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.HashResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HashResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for HashResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace HashResponse {

        /** Properties of a HashResponse. */
        interface $Properties {

            /** HashResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** HashResponse hash */
            hash?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HashResponse. */
        type $Shape = etcdserverpb.HashResponse.$Properties;
    }

    /**
     * Properties of a SnapshotRequest.
     * @deprecated Use etcdserverpb.SnapshotRequest.$Properties instead.
     */
    interface ISnapshotRequest extends etcdserverpb.SnapshotRequest.$Properties {
    }

    /** Represents a SnapshotRequest. */
    class SnapshotRequest {

        /**
         * Constructs a new SnapshotRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.SnapshotRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new SnapshotRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SnapshotRequest instance
         */
        static create(properties: etcdserverpb.SnapshotRequest.$Shape): etcdserverpb.SnapshotRequest & etcdserverpb.SnapshotRequest.$Shape;
        static create(properties?: etcdserverpb.SnapshotRequest.$Properties): etcdserverpb.SnapshotRequest;

        /**
         * Encodes the specified SnapshotRequest message. Does not implicitly {@link etcdserverpb.SnapshotRequest.verify|verify} messages.
         * @param m SnapshotRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.SnapshotRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SnapshotRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.SnapshotRequest & etcdserverpb.SnapshotRequest.$Shape} SnapshotRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.SnapshotRequest & etcdserverpb.SnapshotRequest.$Shape;

        /**
         * Creates a SnapshotRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns SnapshotRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.SnapshotRequest;

        /**
         * Creates a plain object from a SnapshotRequest message. Also converts values to other types if specified.
         * @param m SnapshotRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.SnapshotRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SnapshotRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for SnapshotRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SnapshotRequest {

        /** Properties of a SnapshotRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SnapshotRequest. */
        type $Shape = etcdserverpb.SnapshotRequest.$Properties;
    }

    /**
     * Properties of a SnapshotResponse.
     * @deprecated Use etcdserverpb.SnapshotResponse.$Properties instead.
     */
    interface ISnapshotResponse extends etcdserverpb.SnapshotResponse.$Properties {
    }

    /** Represents a SnapshotResponse. */
    class SnapshotResponse {

        /**
         * Constructs a new SnapshotResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.SnapshotResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SnapshotResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** SnapshotResponse remaining_bytes. */
        remaining_bytes: (number|Long);

        /** SnapshotResponse blob. */
        blob: Uint8Array;

        /**
         * Creates a new SnapshotResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SnapshotResponse instance
         */
        static create(properties: etcdserverpb.SnapshotResponse.$Shape): etcdserverpb.SnapshotResponse & etcdserverpb.SnapshotResponse.$Shape;
        static create(properties?: etcdserverpb.SnapshotResponse.$Properties): etcdserverpb.SnapshotResponse;

        /**
         * Encodes the specified SnapshotResponse message. Does not implicitly {@link etcdserverpb.SnapshotResponse.verify|verify} messages.
         * @param m SnapshotResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.SnapshotResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SnapshotResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.SnapshotResponse & etcdserverpb.SnapshotResponse.$Shape} SnapshotResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.SnapshotResponse & etcdserverpb.SnapshotResponse.$Shape;

        /**
         * Creates a SnapshotResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns SnapshotResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.SnapshotResponse;

        /**
         * Creates a plain object from a SnapshotResponse message. Also converts values to other types if specified.
         * @param m SnapshotResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.SnapshotResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SnapshotResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for SnapshotResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SnapshotResponse {

        /** Properties of a SnapshotResponse. */
        interface $Properties {

            /** SnapshotResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** SnapshotResponse remaining_bytes */
            remaining_bytes?: (number|Long|null);

            /** SnapshotResponse blob */
            blob?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SnapshotResponse. */
        type $Shape = etcdserverpb.SnapshotResponse.$Properties;
    }

    /**
     * Properties of a WatchRequest.
     * @deprecated Use etcdserverpb.WatchRequest.$Properties instead.
     */
    interface IWatchRequest extends etcdserverpb.WatchRequest.$Properties {
    }

    /** Represents a WatchRequest. */
    class WatchRequest {

        /**
         * Constructs a new WatchRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.WatchRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** WatchRequest create_request. */
        create_request?: (etcdserverpb.WatchCreateRequest.$Properties|null);

        /** WatchRequest cancel_request. */
        cancel_request?: (etcdserverpb.WatchCancelRequest.$Properties|null);

        /** WatchRequest progress_request. */
        progress_request?: (etcdserverpb.WatchProgressRequest.$Properties|null);

        /** WatchRequest request_union. */
        request_union?: ("create_request"|"cancel_request"|"progress_request");

        /**
         * Creates a new WatchRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WatchRequest instance
         */
        static create(properties: etcdserverpb.WatchRequest.$Shape): etcdserverpb.WatchRequest & etcdserverpb.WatchRequest.$Shape;
        static create(properties?: etcdserverpb.WatchRequest.$Properties): etcdserverpb.WatchRequest;

        /**
         * Encodes the specified WatchRequest message. Does not implicitly {@link etcdserverpb.WatchRequest.verify|verify} messages.
         * @param m WatchRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.WatchRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WatchRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.WatchRequest & etcdserverpb.WatchRequest.$Shape} WatchRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.WatchRequest & etcdserverpb.WatchRequest.$Shape;

        /**
         * Creates a WatchRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns WatchRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.WatchRequest;

        /**
         * Creates a plain object from a WatchRequest message. Also converts values to other types if specified.
         * @param m WatchRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.WatchRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this WatchRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for WatchRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace WatchRequest {

        /** Properties of a WatchRequest. */
        interface $Properties {

            /** WatchRequest create_request */
            create_request?: (etcdserverpb.WatchCreateRequest.$Properties|null);

            /** WatchRequest cancel_request */
            cancel_request?: (etcdserverpb.WatchCancelRequest.$Properties|null);

            /** WatchRequest progress_request */
            progress_request?: (etcdserverpb.WatchProgressRequest.$Properties|null);

            /** WatchRequest request_union */
            request_union?: ("create_request"|"cancel_request"|"progress_request");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a WatchRequest. */
        type $Shape = {
          create_request?: etcdserverpb.WatchCreateRequest.$Shape|null;
          cancel_request?: etcdserverpb.WatchCancelRequest.$Shape|null;
          progress_request?: etcdserverpb.WatchProgressRequest.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ request_union?: undefined; create_request?: null; cancel_request?: null; progress_request?: null }|{ request_union?: "create_request"; create_request: etcdserverpb.WatchCreateRequest.$Shape; cancel_request?: null; progress_request?: null }|{ request_union?: "cancel_request"; create_request?: null; cancel_request: etcdserverpb.WatchCancelRequest.$Shape; progress_request?: null }|{ request_union?: "progress_request"; create_request?: null; cancel_request?: null; progress_request: etcdserverpb.WatchProgressRequest.$Shape })
        );
    }

    /**
     * Properties of a WatchCreateRequest.
     * @deprecated Use etcdserverpb.WatchCreateRequest.$Properties instead.
     */
    interface IWatchCreateRequest extends etcdserverpb.WatchCreateRequest.$Properties {
    }

    /** Represents a WatchCreateRequest. */
    class WatchCreateRequest {

        /**
         * Constructs a new WatchCreateRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.WatchCreateRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** WatchCreateRequest key. */
        key: Uint8Array;

        /** WatchCreateRequest range_end. */
        range_end: Uint8Array;

        /** WatchCreateRequest start_revision. */
        start_revision: (number|Long);

        /** WatchCreateRequest progress_notify. */
        progress_notify: boolean;

        /** WatchCreateRequest filters. */
        filters: etcdserverpb.WatchCreateRequest.FilterType[];

        /** WatchCreateRequest prev_kv. */
        prev_kv: boolean;

        /** WatchCreateRequest watch_id. */
        watch_id: (number|Long);

        /** WatchCreateRequest fragment. */
        fragment: boolean;

        /**
         * Creates a new WatchCreateRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WatchCreateRequest instance
         */
        static create(properties: etcdserverpb.WatchCreateRequest.$Shape): etcdserverpb.WatchCreateRequest & etcdserverpb.WatchCreateRequest.$Shape;
        static create(properties?: etcdserverpb.WatchCreateRequest.$Properties): etcdserverpb.WatchCreateRequest;

        /**
         * Encodes the specified WatchCreateRequest message. Does not implicitly {@link etcdserverpb.WatchCreateRequest.verify|verify} messages.
         * @param m WatchCreateRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.WatchCreateRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WatchCreateRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.WatchCreateRequest & etcdserverpb.WatchCreateRequest.$Shape} WatchCreateRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.WatchCreateRequest & etcdserverpb.WatchCreateRequest.$Shape;

        /**
         * Creates a WatchCreateRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns WatchCreateRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.WatchCreateRequest;

        /**
         * Creates a plain object from a WatchCreateRequest message. Also converts values to other types if specified.
         * @param m WatchCreateRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.WatchCreateRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this WatchCreateRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for WatchCreateRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace WatchCreateRequest {

        /** Properties of a WatchCreateRequest. */
        interface $Properties {

            /** WatchCreateRequest key */
            key?: (Uint8Array|null);

            /** WatchCreateRequest range_end */
            range_end?: (Uint8Array|null);

            /** WatchCreateRequest start_revision */
            start_revision?: (number|Long|null);

            /** WatchCreateRequest progress_notify */
            progress_notify?: (boolean|null);

            /** WatchCreateRequest filters */
            filters?: (etcdserverpb.WatchCreateRequest.FilterType[]|null);

            /** WatchCreateRequest prev_kv */
            prev_kv?: (boolean|null);

            /** WatchCreateRequest watch_id */
            watch_id?: (number|Long|null);

            /** WatchCreateRequest fragment */
            fragment?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a WatchCreateRequest. */
        type $Shape = etcdserverpb.WatchCreateRequest.$Properties;

        /** FilterType enum. */
        enum FilterType {

            /** NOPUT value */
            NOPUT = 0,

            /** NODELETE value */
            NODELETE = 1
        }
    }

    /**
     * Properties of a WatchCancelRequest.
     * @deprecated Use etcdserverpb.WatchCancelRequest.$Properties instead.
     */
    interface IWatchCancelRequest extends etcdserverpb.WatchCancelRequest.$Properties {
    }

    /** Represents a WatchCancelRequest. */
    class WatchCancelRequest {

        /**
         * Constructs a new WatchCancelRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.WatchCancelRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** WatchCancelRequest watch_id. */
        watch_id: (number|Long);

        /**
         * Creates a new WatchCancelRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WatchCancelRequest instance
         */
        static create(properties: etcdserverpb.WatchCancelRequest.$Shape): etcdserverpb.WatchCancelRequest & etcdserverpb.WatchCancelRequest.$Shape;
        static create(properties?: etcdserverpb.WatchCancelRequest.$Properties): etcdserverpb.WatchCancelRequest;

        /**
         * Encodes the specified WatchCancelRequest message. Does not implicitly {@link etcdserverpb.WatchCancelRequest.verify|verify} messages.
         * @param m WatchCancelRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.WatchCancelRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WatchCancelRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.WatchCancelRequest & etcdserverpb.WatchCancelRequest.$Shape} WatchCancelRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.WatchCancelRequest & etcdserverpb.WatchCancelRequest.$Shape;

        /**
         * Creates a WatchCancelRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns WatchCancelRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.WatchCancelRequest;

        /**
         * Creates a plain object from a WatchCancelRequest message. Also converts values to other types if specified.
         * @param m WatchCancelRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.WatchCancelRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this WatchCancelRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for WatchCancelRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace WatchCancelRequest {

        /** Properties of a WatchCancelRequest. */
        interface $Properties {

            /** WatchCancelRequest watch_id */
            watch_id?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a WatchCancelRequest. */
        type $Shape = etcdserverpb.WatchCancelRequest.$Properties;
    }

    /**
     * Properties of a WatchProgressRequest.
     * @deprecated Use etcdserverpb.WatchProgressRequest.$Properties instead.
     */
    interface IWatchProgressRequest extends etcdserverpb.WatchProgressRequest.$Properties {
    }

    /** Represents a WatchProgressRequest. */
    class WatchProgressRequest {

        /**
         * Constructs a new WatchProgressRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.WatchProgressRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new WatchProgressRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WatchProgressRequest instance
         */
        static create(properties: etcdserverpb.WatchProgressRequest.$Shape): etcdserverpb.WatchProgressRequest & etcdserverpb.WatchProgressRequest.$Shape;
        static create(properties?: etcdserverpb.WatchProgressRequest.$Properties): etcdserverpb.WatchProgressRequest;

        /**
         * Encodes the specified WatchProgressRequest message. Does not implicitly {@link etcdserverpb.WatchProgressRequest.verify|verify} messages.
         * @param m WatchProgressRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.WatchProgressRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WatchProgressRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.WatchProgressRequest & etcdserverpb.WatchProgressRequest.$Shape} WatchProgressRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.WatchProgressRequest & etcdserverpb.WatchProgressRequest.$Shape;

        /**
         * Creates a WatchProgressRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns WatchProgressRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.WatchProgressRequest;

        /**
         * Creates a plain object from a WatchProgressRequest message. Also converts values to other types if specified.
         * @param m WatchProgressRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.WatchProgressRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this WatchProgressRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for WatchProgressRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace WatchProgressRequest {

        /** Properties of a WatchProgressRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a WatchProgressRequest. */
        type $Shape = etcdserverpb.WatchProgressRequest.$Properties;
    }

    /**
     * Properties of a WatchResponse.
     * @deprecated Use etcdserverpb.WatchResponse.$Properties instead.
     */
    interface IWatchResponse extends etcdserverpb.WatchResponse.$Properties {
    }

    /** Represents a WatchResponse. */
    class WatchResponse {

        /**
         * Constructs a new WatchResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.WatchResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** WatchResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** WatchResponse watch_id. */
        watch_id: (number|Long);

        /** WatchResponse created. */
        created: boolean;

        /** WatchResponse canceled. */
        canceled: boolean;

        /** WatchResponse compact_revision. */
        compact_revision: (number|Long);

        /** WatchResponse cancel_reason. */
        cancel_reason: string;

        /** WatchResponse fragment. */
        fragment: boolean;

        /** WatchResponse events. */
        events: mvccpb.Event.$Properties[];

        /**
         * Creates a new WatchResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WatchResponse instance
         */
        static create(properties: etcdserverpb.WatchResponse.$Shape): etcdserverpb.WatchResponse & etcdserverpb.WatchResponse.$Shape;
        static create(properties?: etcdserverpb.WatchResponse.$Properties): etcdserverpb.WatchResponse;

        /**
         * Encodes the specified WatchResponse message. Does not implicitly {@link etcdserverpb.WatchResponse.verify|verify} messages.
         * @param m WatchResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.WatchResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WatchResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.WatchResponse & etcdserverpb.WatchResponse.$Shape} WatchResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.WatchResponse & etcdserverpb.WatchResponse.$Shape;

        /**
         * Creates a WatchResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns WatchResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.WatchResponse;

        /**
         * Creates a plain object from a WatchResponse message. Also converts values to other types if specified.
         * @param m WatchResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.WatchResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this WatchResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for WatchResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace WatchResponse {

        /** Properties of a WatchResponse. */
        interface $Properties {

            /** WatchResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** WatchResponse watch_id */
            watch_id?: (number|Long|null);

            /** WatchResponse created */
            created?: (boolean|null);

            /** WatchResponse canceled */
            canceled?: (boolean|null);

            /** WatchResponse compact_revision */
            compact_revision?: (number|Long|null);

            /** WatchResponse cancel_reason */
            cancel_reason?: (string|null);

            /** WatchResponse fragment */
            fragment?: (boolean|null);

            /** WatchResponse events */
            events?: (mvccpb.Event.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a WatchResponse. */
        type $Shape = etcdserverpb.WatchResponse.$Properties;
    }

    /**
     * Properties of a LeaseGrantRequest.
     * @deprecated Use etcdserverpb.LeaseGrantRequest.$Properties instead.
     */
    interface ILeaseGrantRequest extends etcdserverpb.LeaseGrantRequest.$Properties {
    }

    /** Represents a LeaseGrantRequest. */
    class LeaseGrantRequest {

        /**
         * Constructs a new LeaseGrantRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.LeaseGrantRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseGrantRequest TTL. */
        TTL: (number|Long);

        /** LeaseGrantRequest ID. */
        ID: (number|Long);

        /**
         * Creates a new LeaseGrantRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseGrantRequest instance
         */
        static create(properties: etcdserverpb.LeaseGrantRequest.$Shape): etcdserverpb.LeaseGrantRequest & etcdserverpb.LeaseGrantRequest.$Shape;
        static create(properties?: etcdserverpb.LeaseGrantRequest.$Properties): etcdserverpb.LeaseGrantRequest;

        /**
         * Encodes the specified LeaseGrantRequest message. Does not implicitly {@link etcdserverpb.LeaseGrantRequest.verify|verify} messages.
         * @param m LeaseGrantRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.LeaseGrantRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseGrantRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.LeaseGrantRequest & etcdserverpb.LeaseGrantRequest.$Shape} LeaseGrantRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.LeaseGrantRequest & etcdserverpb.LeaseGrantRequest.$Shape;

        /**
         * Creates a LeaseGrantRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LeaseGrantRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.LeaseGrantRequest;

        /**
         * Creates a plain object from a LeaseGrantRequest message. Also converts values to other types if specified.
         * @param m LeaseGrantRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.LeaseGrantRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseGrantRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaseGrantRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseGrantRequest {

        /** Properties of a LeaseGrantRequest. */
        interface $Properties {

            /** LeaseGrantRequest TTL */
            TTL?: (number|Long|null);

            /** LeaseGrantRequest ID */
            ID?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseGrantRequest. */
        type $Shape = etcdserverpb.LeaseGrantRequest.$Properties;
    }

    /**
     * Properties of a LeaseGrantResponse.
     * @deprecated Use etcdserverpb.LeaseGrantResponse.$Properties instead.
     */
    interface ILeaseGrantResponse extends etcdserverpb.LeaseGrantResponse.$Properties {
    }

    /** Represents a LeaseGrantResponse. */
    class LeaseGrantResponse {

        /**
         * Constructs a new LeaseGrantResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.LeaseGrantResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseGrantResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** LeaseGrantResponse ID. */
        ID: (number|Long);

        /** LeaseGrantResponse TTL. */
        TTL: (number|Long);

        /** LeaseGrantResponse error. */
        error: string;

        /**
         * Creates a new LeaseGrantResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseGrantResponse instance
         */
        static create(properties: etcdserverpb.LeaseGrantResponse.$Shape): etcdserverpb.LeaseGrantResponse & etcdserverpb.LeaseGrantResponse.$Shape;
        static create(properties?: etcdserverpb.LeaseGrantResponse.$Properties): etcdserverpb.LeaseGrantResponse;

        /**
         * Encodes the specified LeaseGrantResponse message. Does not implicitly {@link etcdserverpb.LeaseGrantResponse.verify|verify} messages.
         * @param m LeaseGrantResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.LeaseGrantResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseGrantResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.LeaseGrantResponse & etcdserverpb.LeaseGrantResponse.$Shape} LeaseGrantResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.LeaseGrantResponse & etcdserverpb.LeaseGrantResponse.$Shape;

        /**
         * Creates a LeaseGrantResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LeaseGrantResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.LeaseGrantResponse;

        /**
         * Creates a plain object from a LeaseGrantResponse message. Also converts values to other types if specified.
         * @param m LeaseGrantResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.LeaseGrantResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseGrantResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaseGrantResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseGrantResponse {

        /** Properties of a LeaseGrantResponse. */
        interface $Properties {

            /** LeaseGrantResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** LeaseGrantResponse ID */
            ID?: (number|Long|null);

            /** LeaseGrantResponse TTL */
            TTL?: (number|Long|null);

            /** LeaseGrantResponse error */
            error?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseGrantResponse. */
        type $Shape = etcdserverpb.LeaseGrantResponse.$Properties;
    }

    /**
     * Properties of a LeaseRevokeRequest.
     * @deprecated Use etcdserverpb.LeaseRevokeRequest.$Properties instead.
     */
    interface ILeaseRevokeRequest extends etcdserverpb.LeaseRevokeRequest.$Properties {
    }

    /** Represents a LeaseRevokeRequest. */
    class LeaseRevokeRequest {

        /**
         * Constructs a new LeaseRevokeRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.LeaseRevokeRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseRevokeRequest ID. */
        ID: (number|Long);

        /**
         * Creates a new LeaseRevokeRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseRevokeRequest instance
         */
        static create(properties: etcdserverpb.LeaseRevokeRequest.$Shape): etcdserverpb.LeaseRevokeRequest & etcdserverpb.LeaseRevokeRequest.$Shape;
        static create(properties?: etcdserverpb.LeaseRevokeRequest.$Properties): etcdserverpb.LeaseRevokeRequest;

        /**
         * Encodes the specified LeaseRevokeRequest message. Does not implicitly {@link etcdserverpb.LeaseRevokeRequest.verify|verify} messages.
         * @param m LeaseRevokeRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.LeaseRevokeRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseRevokeRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.LeaseRevokeRequest & etcdserverpb.LeaseRevokeRequest.$Shape} LeaseRevokeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.LeaseRevokeRequest & etcdserverpb.LeaseRevokeRequest.$Shape;

        /**
         * Creates a LeaseRevokeRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LeaseRevokeRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.LeaseRevokeRequest;

        /**
         * Creates a plain object from a LeaseRevokeRequest message. Also converts values to other types if specified.
         * @param m LeaseRevokeRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.LeaseRevokeRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseRevokeRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaseRevokeRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseRevokeRequest {

        /** Properties of a LeaseRevokeRequest. */
        interface $Properties {

            /** LeaseRevokeRequest ID */
            ID?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseRevokeRequest. */
        type $Shape = etcdserverpb.LeaseRevokeRequest.$Properties;
    }

    /**
     * Properties of a LeaseRevokeResponse.
     * @deprecated Use etcdserverpb.LeaseRevokeResponse.$Properties instead.
     */
    interface ILeaseRevokeResponse extends etcdserverpb.LeaseRevokeResponse.$Properties {
    }

    /** Represents a LeaseRevokeResponse. */
    class LeaseRevokeResponse {

        /**
         * Constructs a new LeaseRevokeResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.LeaseRevokeResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseRevokeResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new LeaseRevokeResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseRevokeResponse instance
         */
        static create(properties: etcdserverpb.LeaseRevokeResponse.$Shape): etcdserverpb.LeaseRevokeResponse & etcdserverpb.LeaseRevokeResponse.$Shape;
        static create(properties?: etcdserverpb.LeaseRevokeResponse.$Properties): etcdserverpb.LeaseRevokeResponse;

        /**
         * Encodes the specified LeaseRevokeResponse message. Does not implicitly {@link etcdserverpb.LeaseRevokeResponse.verify|verify} messages.
         * @param m LeaseRevokeResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.LeaseRevokeResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseRevokeResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.LeaseRevokeResponse & etcdserverpb.LeaseRevokeResponse.$Shape} LeaseRevokeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.LeaseRevokeResponse & etcdserverpb.LeaseRevokeResponse.$Shape;

        /**
         * Creates a LeaseRevokeResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LeaseRevokeResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.LeaseRevokeResponse;

        /**
         * Creates a plain object from a LeaseRevokeResponse message. Also converts values to other types if specified.
         * @param m LeaseRevokeResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.LeaseRevokeResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseRevokeResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaseRevokeResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseRevokeResponse {

        /** Properties of a LeaseRevokeResponse. */
        interface $Properties {

            /** LeaseRevokeResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseRevokeResponse. */
        type $Shape = etcdserverpb.LeaseRevokeResponse.$Properties;
    }

    /**
     * Properties of a LeaseCheckpoint.
     * @deprecated Use etcdserverpb.LeaseCheckpoint.$Properties instead.
     */
    interface ILeaseCheckpoint extends etcdserverpb.LeaseCheckpoint.$Properties {
    }

    /** Represents a LeaseCheckpoint. */
    class LeaseCheckpoint {

        /**
         * Constructs a new LeaseCheckpoint.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.LeaseCheckpoint.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseCheckpoint ID. */
        ID: (number|Long);

        /** LeaseCheckpoint remaining_TTL. */
        remaining_TTL: (number|Long);

        /**
         * Creates a new LeaseCheckpoint instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseCheckpoint instance
         */
        static create(properties: etcdserverpb.LeaseCheckpoint.$Shape): etcdserverpb.LeaseCheckpoint & etcdserverpb.LeaseCheckpoint.$Shape;
        static create(properties?: etcdserverpb.LeaseCheckpoint.$Properties): etcdserverpb.LeaseCheckpoint;

        /**
         * Encodes the specified LeaseCheckpoint message. Does not implicitly {@link etcdserverpb.LeaseCheckpoint.verify|verify} messages.
         * @param m LeaseCheckpoint message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.LeaseCheckpoint.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseCheckpoint message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.LeaseCheckpoint & etcdserverpb.LeaseCheckpoint.$Shape} LeaseCheckpoint
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.LeaseCheckpoint & etcdserverpb.LeaseCheckpoint.$Shape;

        /**
         * Creates a LeaseCheckpoint message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LeaseCheckpoint
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.LeaseCheckpoint;

        /**
         * Creates a plain object from a LeaseCheckpoint message. Also converts values to other types if specified.
         * @param m LeaseCheckpoint
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.LeaseCheckpoint, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseCheckpoint to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaseCheckpoint
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseCheckpoint {

        /** Properties of a LeaseCheckpoint. */
        interface $Properties {

            /** LeaseCheckpoint ID */
            ID?: (number|Long|null);

            /** LeaseCheckpoint remaining_TTL */
            remaining_TTL?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseCheckpoint. */
        type $Shape = etcdserverpb.LeaseCheckpoint.$Properties;
    }

    /**
     * Properties of a LeaseCheckpointRequest.
     * @deprecated Use etcdserverpb.LeaseCheckpointRequest.$Properties instead.
     */
    interface ILeaseCheckpointRequest extends etcdserverpb.LeaseCheckpointRequest.$Properties {
    }

    /** Represents a LeaseCheckpointRequest. */
    class LeaseCheckpointRequest {

        /**
         * Constructs a new LeaseCheckpointRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.LeaseCheckpointRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseCheckpointRequest checkpoints. */
        checkpoints: etcdserverpb.LeaseCheckpoint.$Properties[];

        /**
         * Creates a new LeaseCheckpointRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseCheckpointRequest instance
         */
        static create(properties: etcdserverpb.LeaseCheckpointRequest.$Shape): etcdserverpb.LeaseCheckpointRequest & etcdserverpb.LeaseCheckpointRequest.$Shape;
        static create(properties?: etcdserverpb.LeaseCheckpointRequest.$Properties): etcdserverpb.LeaseCheckpointRequest;

        /**
         * Encodes the specified LeaseCheckpointRequest message. Does not implicitly {@link etcdserverpb.LeaseCheckpointRequest.verify|verify} messages.
         * @param m LeaseCheckpointRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.LeaseCheckpointRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseCheckpointRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.LeaseCheckpointRequest & etcdserverpb.LeaseCheckpointRequest.$Shape} LeaseCheckpointRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.LeaseCheckpointRequest & etcdserverpb.LeaseCheckpointRequest.$Shape;

        /**
         * Creates a LeaseCheckpointRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LeaseCheckpointRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.LeaseCheckpointRequest;

        /**
         * Creates a plain object from a LeaseCheckpointRequest message. Also converts values to other types if specified.
         * @param m LeaseCheckpointRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.LeaseCheckpointRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseCheckpointRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaseCheckpointRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseCheckpointRequest {

        /** Properties of a LeaseCheckpointRequest. */
        interface $Properties {

            /** LeaseCheckpointRequest checkpoints */
            checkpoints?: (etcdserverpb.LeaseCheckpoint.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseCheckpointRequest. */
        type $Shape = etcdserverpb.LeaseCheckpointRequest.$Properties;
    }

    /**
     * Properties of a LeaseCheckpointResponse.
     * @deprecated Use etcdserverpb.LeaseCheckpointResponse.$Properties instead.
     */
    interface ILeaseCheckpointResponse extends etcdserverpb.LeaseCheckpointResponse.$Properties {
    }

    /** Represents a LeaseCheckpointResponse. */
    class LeaseCheckpointResponse {

        /**
         * Constructs a new LeaseCheckpointResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.LeaseCheckpointResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseCheckpointResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new LeaseCheckpointResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseCheckpointResponse instance
         */
        static create(properties: etcdserverpb.LeaseCheckpointResponse.$Shape): etcdserverpb.LeaseCheckpointResponse & etcdserverpb.LeaseCheckpointResponse.$Shape;
        static create(properties?: etcdserverpb.LeaseCheckpointResponse.$Properties): etcdserverpb.LeaseCheckpointResponse;

        /**
         * Encodes the specified LeaseCheckpointResponse message. Does not implicitly {@link etcdserverpb.LeaseCheckpointResponse.verify|verify} messages.
         * @param m LeaseCheckpointResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.LeaseCheckpointResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseCheckpointResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.LeaseCheckpointResponse & etcdserverpb.LeaseCheckpointResponse.$Shape} LeaseCheckpointResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.LeaseCheckpointResponse & etcdserverpb.LeaseCheckpointResponse.$Shape;

        /**
         * Creates a LeaseCheckpointResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LeaseCheckpointResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.LeaseCheckpointResponse;

        /**
         * Creates a plain object from a LeaseCheckpointResponse message. Also converts values to other types if specified.
         * @param m LeaseCheckpointResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.LeaseCheckpointResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseCheckpointResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaseCheckpointResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseCheckpointResponse {

        /** Properties of a LeaseCheckpointResponse. */
        interface $Properties {

            /** LeaseCheckpointResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseCheckpointResponse. */
        type $Shape = etcdserverpb.LeaseCheckpointResponse.$Properties;
    }

    /**
     * Properties of a LeaseKeepAliveRequest.
     * @deprecated Use etcdserverpb.LeaseKeepAliveRequest.$Properties instead.
     */
    interface ILeaseKeepAliveRequest extends etcdserverpb.LeaseKeepAliveRequest.$Properties {
    }

    /** Represents a LeaseKeepAliveRequest. */
    class LeaseKeepAliveRequest {

        /**
         * Constructs a new LeaseKeepAliveRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.LeaseKeepAliveRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseKeepAliveRequest ID. */
        ID: (number|Long);

        /**
         * Creates a new LeaseKeepAliveRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseKeepAliveRequest instance
         */
        static create(properties: etcdserverpb.LeaseKeepAliveRequest.$Shape): etcdserverpb.LeaseKeepAliveRequest & etcdserverpb.LeaseKeepAliveRequest.$Shape;
        static create(properties?: etcdserverpb.LeaseKeepAliveRequest.$Properties): etcdserverpb.LeaseKeepAliveRequest;

        /**
         * Encodes the specified LeaseKeepAliveRequest message. Does not implicitly {@link etcdserverpb.LeaseKeepAliveRequest.verify|verify} messages.
         * @param m LeaseKeepAliveRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.LeaseKeepAliveRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseKeepAliveRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.LeaseKeepAliveRequest & etcdserverpb.LeaseKeepAliveRequest.$Shape} LeaseKeepAliveRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.LeaseKeepAliveRequest & etcdserverpb.LeaseKeepAliveRequest.$Shape;

        /**
         * Creates a LeaseKeepAliveRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LeaseKeepAliveRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.LeaseKeepAliveRequest;

        /**
         * Creates a plain object from a LeaseKeepAliveRequest message. Also converts values to other types if specified.
         * @param m LeaseKeepAliveRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.LeaseKeepAliveRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseKeepAliveRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaseKeepAliveRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseKeepAliveRequest {

        /** Properties of a LeaseKeepAliveRequest. */
        interface $Properties {

            /** LeaseKeepAliveRequest ID */
            ID?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseKeepAliveRequest. */
        type $Shape = etcdserverpb.LeaseKeepAliveRequest.$Properties;
    }

    /**
     * Properties of a LeaseKeepAliveResponse.
     * @deprecated Use etcdserverpb.LeaseKeepAliveResponse.$Properties instead.
     */
    interface ILeaseKeepAliveResponse extends etcdserverpb.LeaseKeepAliveResponse.$Properties {
    }

    /** Represents a LeaseKeepAliveResponse. */
    class LeaseKeepAliveResponse {

        /**
         * Constructs a new LeaseKeepAliveResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.LeaseKeepAliveResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseKeepAliveResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** LeaseKeepAliveResponse ID. */
        ID: (number|Long);

        /** LeaseKeepAliveResponse TTL. */
        TTL: (number|Long);

        /**
         * Creates a new LeaseKeepAliveResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseKeepAliveResponse instance
         */
        static create(properties: etcdserverpb.LeaseKeepAliveResponse.$Shape): etcdserverpb.LeaseKeepAliveResponse & etcdserverpb.LeaseKeepAliveResponse.$Shape;
        static create(properties?: etcdserverpb.LeaseKeepAliveResponse.$Properties): etcdserverpb.LeaseKeepAliveResponse;

        /**
         * Encodes the specified LeaseKeepAliveResponse message. Does not implicitly {@link etcdserverpb.LeaseKeepAliveResponse.verify|verify} messages.
         * @param m LeaseKeepAliveResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.LeaseKeepAliveResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseKeepAliveResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.LeaseKeepAliveResponse & etcdserverpb.LeaseKeepAliveResponse.$Shape} LeaseKeepAliveResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.LeaseKeepAliveResponse & etcdserverpb.LeaseKeepAliveResponse.$Shape;

        /**
         * Creates a LeaseKeepAliveResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LeaseKeepAliveResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.LeaseKeepAliveResponse;

        /**
         * Creates a plain object from a LeaseKeepAliveResponse message. Also converts values to other types if specified.
         * @param m LeaseKeepAliveResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.LeaseKeepAliveResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseKeepAliveResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaseKeepAliveResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseKeepAliveResponse {

        /** Properties of a LeaseKeepAliveResponse. */
        interface $Properties {

            /** LeaseKeepAliveResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** LeaseKeepAliveResponse ID */
            ID?: (number|Long|null);

            /** LeaseKeepAliveResponse TTL */
            TTL?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseKeepAliveResponse. */
        type $Shape = etcdserverpb.LeaseKeepAliveResponse.$Properties;
    }

    /**
     * Properties of a LeaseTimeToLiveRequest.
     * @deprecated Use etcdserverpb.LeaseTimeToLiveRequest.$Properties instead.
     */
    interface ILeaseTimeToLiveRequest extends etcdserverpb.LeaseTimeToLiveRequest.$Properties {
    }

    /** Represents a LeaseTimeToLiveRequest. */
    class LeaseTimeToLiveRequest {

        /**
         * Constructs a new LeaseTimeToLiveRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.LeaseTimeToLiveRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseTimeToLiveRequest ID. */
        ID: (number|Long);

        /** LeaseTimeToLiveRequest keys. */
        keys: boolean;

        /**
         * Creates a new LeaseTimeToLiveRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseTimeToLiveRequest instance
         */
        static create(properties: etcdserverpb.LeaseTimeToLiveRequest.$Shape): etcdserverpb.LeaseTimeToLiveRequest & etcdserverpb.LeaseTimeToLiveRequest.$Shape;
        static create(properties?: etcdserverpb.LeaseTimeToLiveRequest.$Properties): etcdserverpb.LeaseTimeToLiveRequest;

        /**
         * Encodes the specified LeaseTimeToLiveRequest message. Does not implicitly {@link etcdserverpb.LeaseTimeToLiveRequest.verify|verify} messages.
         * @param m LeaseTimeToLiveRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.LeaseTimeToLiveRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseTimeToLiveRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.LeaseTimeToLiveRequest & etcdserverpb.LeaseTimeToLiveRequest.$Shape} LeaseTimeToLiveRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.LeaseTimeToLiveRequest & etcdserverpb.LeaseTimeToLiveRequest.$Shape;

        /**
         * Creates a LeaseTimeToLiveRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LeaseTimeToLiveRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.LeaseTimeToLiveRequest;

        /**
         * Creates a plain object from a LeaseTimeToLiveRequest message. Also converts values to other types if specified.
         * @param m LeaseTimeToLiveRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.LeaseTimeToLiveRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseTimeToLiveRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaseTimeToLiveRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseTimeToLiveRequest {

        /** Properties of a LeaseTimeToLiveRequest. */
        interface $Properties {

            /** LeaseTimeToLiveRequest ID */
            ID?: (number|Long|null);

            /** LeaseTimeToLiveRequest keys */
            keys?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseTimeToLiveRequest. */
        type $Shape = etcdserverpb.LeaseTimeToLiveRequest.$Properties;
    }

    /**
     * Properties of a LeaseTimeToLiveResponse.
     * @deprecated Use etcdserverpb.LeaseTimeToLiveResponse.$Properties instead.
     */
    interface ILeaseTimeToLiveResponse extends etcdserverpb.LeaseTimeToLiveResponse.$Properties {
    }

    /** Represents a LeaseTimeToLiveResponse. */
    class LeaseTimeToLiveResponse {

        /**
         * Constructs a new LeaseTimeToLiveResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.LeaseTimeToLiveResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseTimeToLiveResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** LeaseTimeToLiveResponse ID. */
        ID: (number|Long);

        /** LeaseTimeToLiveResponse TTL. */
        TTL: (number|Long);

        /** LeaseTimeToLiveResponse grantedTTL. */
        grantedTTL: (number|Long);

        /** LeaseTimeToLiveResponse keys. */
        keys: Uint8Array[];

        /**
         * Creates a new LeaseTimeToLiveResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseTimeToLiveResponse instance
         */
        static create(properties: etcdserverpb.LeaseTimeToLiveResponse.$Shape): etcdserverpb.LeaseTimeToLiveResponse & etcdserverpb.LeaseTimeToLiveResponse.$Shape;
        static create(properties?: etcdserverpb.LeaseTimeToLiveResponse.$Properties): etcdserverpb.LeaseTimeToLiveResponse;

        /**
         * Encodes the specified LeaseTimeToLiveResponse message. Does not implicitly {@link etcdserverpb.LeaseTimeToLiveResponse.verify|verify} messages.
         * @param m LeaseTimeToLiveResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.LeaseTimeToLiveResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseTimeToLiveResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.LeaseTimeToLiveResponse & etcdserverpb.LeaseTimeToLiveResponse.$Shape} LeaseTimeToLiveResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.LeaseTimeToLiveResponse & etcdserverpb.LeaseTimeToLiveResponse.$Shape;

        /**
         * Creates a LeaseTimeToLiveResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LeaseTimeToLiveResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.LeaseTimeToLiveResponse;

        /**
         * Creates a plain object from a LeaseTimeToLiveResponse message. Also converts values to other types if specified.
         * @param m LeaseTimeToLiveResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.LeaseTimeToLiveResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseTimeToLiveResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaseTimeToLiveResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseTimeToLiveResponse {

        /** Properties of a LeaseTimeToLiveResponse. */
        interface $Properties {

            /** LeaseTimeToLiveResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** LeaseTimeToLiveResponse ID */
            ID?: (number|Long|null);

            /** LeaseTimeToLiveResponse TTL */
            TTL?: (number|Long|null);

            /** LeaseTimeToLiveResponse grantedTTL */
            grantedTTL?: (number|Long|null);

            /** LeaseTimeToLiveResponse keys */
            keys?: (Uint8Array[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseTimeToLiveResponse. */
        type $Shape = etcdserverpb.LeaseTimeToLiveResponse.$Properties;
    }

    /**
     * Properties of a LeaseLeasesRequest.
     * @deprecated Use etcdserverpb.LeaseLeasesRequest.$Properties instead.
     */
    interface ILeaseLeasesRequest extends etcdserverpb.LeaseLeasesRequest.$Properties {
    }

    /** Represents a LeaseLeasesRequest. */
    class LeaseLeasesRequest {

        /**
         * Constructs a new LeaseLeasesRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.LeaseLeasesRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new LeaseLeasesRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseLeasesRequest instance
         */
        static create(properties: etcdserverpb.LeaseLeasesRequest.$Shape): etcdserverpb.LeaseLeasesRequest & etcdserverpb.LeaseLeasesRequest.$Shape;
        static create(properties?: etcdserverpb.LeaseLeasesRequest.$Properties): etcdserverpb.LeaseLeasesRequest;

        /**
         * Encodes the specified LeaseLeasesRequest message. Does not implicitly {@link etcdserverpb.LeaseLeasesRequest.verify|verify} messages.
         * @param m LeaseLeasesRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.LeaseLeasesRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseLeasesRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.LeaseLeasesRequest & etcdserverpb.LeaseLeasesRequest.$Shape} LeaseLeasesRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.LeaseLeasesRequest & etcdserverpb.LeaseLeasesRequest.$Shape;

        /**
         * Creates a LeaseLeasesRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LeaseLeasesRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.LeaseLeasesRequest;

        /**
         * Creates a plain object from a LeaseLeasesRequest message. Also converts values to other types if specified.
         * @param m LeaseLeasesRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.LeaseLeasesRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseLeasesRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaseLeasesRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseLeasesRequest {

        /** Properties of a LeaseLeasesRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseLeasesRequest. */
        type $Shape = etcdserverpb.LeaseLeasesRequest.$Properties;
    }

    /**
     * Properties of a LeaseStatus.
     * @deprecated Use etcdserverpb.LeaseStatus.$Properties instead.
     */
    interface ILeaseStatus extends etcdserverpb.LeaseStatus.$Properties {
    }

    /** Represents a LeaseStatus. */
    class LeaseStatus {

        /**
         * Constructs a new LeaseStatus.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.LeaseStatus.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseStatus ID. */
        ID: (number|Long);

        /**
         * Creates a new LeaseStatus instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseStatus instance
         */
        static create(properties: etcdserverpb.LeaseStatus.$Shape): etcdserverpb.LeaseStatus & etcdserverpb.LeaseStatus.$Shape;
        static create(properties?: etcdserverpb.LeaseStatus.$Properties): etcdserverpb.LeaseStatus;

        /**
         * Encodes the specified LeaseStatus message. Does not implicitly {@link etcdserverpb.LeaseStatus.verify|verify} messages.
         * @param m LeaseStatus message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.LeaseStatus.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseStatus message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.LeaseStatus & etcdserverpb.LeaseStatus.$Shape} LeaseStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.LeaseStatus & etcdserverpb.LeaseStatus.$Shape;

        /**
         * Creates a LeaseStatus message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LeaseStatus
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.LeaseStatus;

        /**
         * Creates a plain object from a LeaseStatus message. Also converts values to other types if specified.
         * @param m LeaseStatus
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.LeaseStatus, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseStatus to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaseStatus
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseStatus {

        /** Properties of a LeaseStatus. */
        interface $Properties {

            /** LeaseStatus ID */
            ID?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseStatus. */
        type $Shape = etcdserverpb.LeaseStatus.$Properties;
    }

    /**
     * Properties of a LeaseLeasesResponse.
     * @deprecated Use etcdserverpb.LeaseLeasesResponse.$Properties instead.
     */
    interface ILeaseLeasesResponse extends etcdserverpb.LeaseLeasesResponse.$Properties {
    }

    /** Represents a LeaseLeasesResponse. */
    class LeaseLeasesResponse {

        /**
         * Constructs a new LeaseLeasesResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.LeaseLeasesResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseLeasesResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** LeaseLeasesResponse leases. */
        leases: etcdserverpb.LeaseStatus.$Properties[];

        /**
         * Creates a new LeaseLeasesResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseLeasesResponse instance
         */
        static create(properties: etcdserverpb.LeaseLeasesResponse.$Shape): etcdserverpb.LeaseLeasesResponse & etcdserverpb.LeaseLeasesResponse.$Shape;
        static create(properties?: etcdserverpb.LeaseLeasesResponse.$Properties): etcdserverpb.LeaseLeasesResponse;

        /**
         * Encodes the specified LeaseLeasesResponse message. Does not implicitly {@link etcdserverpb.LeaseLeasesResponse.verify|verify} messages.
         * @param m LeaseLeasesResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.LeaseLeasesResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseLeasesResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.LeaseLeasesResponse & etcdserverpb.LeaseLeasesResponse.$Shape} LeaseLeasesResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.LeaseLeasesResponse & etcdserverpb.LeaseLeasesResponse.$Shape;

        /**
         * Creates a LeaseLeasesResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LeaseLeasesResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.LeaseLeasesResponse;

        /**
         * Creates a plain object from a LeaseLeasesResponse message. Also converts values to other types if specified.
         * @param m LeaseLeasesResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.LeaseLeasesResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseLeasesResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaseLeasesResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseLeasesResponse {

        /** Properties of a LeaseLeasesResponse. */
        interface $Properties {

            /** LeaseLeasesResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** LeaseLeasesResponse leases */
            leases?: (etcdserverpb.LeaseStatus.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseLeasesResponse. */
        type $Shape = etcdserverpb.LeaseLeasesResponse.$Properties;
    }

    /**
     * Properties of a Member.
     * @deprecated Use etcdserverpb.Member.$Properties instead.
     */
    interface IMember extends etcdserverpb.Member.$Properties {
    }

    /** Represents a Member. */
    class Member {

        /**
         * Constructs a new Member.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.Member.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Member ID. */
        ID: (number|Long);

        /** Member name. */
        name: string;

        /** Member peerURLs. */
        peerURLs: string[];

        /** Member clientURLs. */
        clientURLs: string[];

        /** Member isLearner. */
        isLearner: boolean;

        /**
         * Creates a new Member instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Member instance
         */
        static create(properties: etcdserverpb.Member.$Shape): etcdserverpb.Member & etcdserverpb.Member.$Shape;
        static create(properties?: etcdserverpb.Member.$Properties): etcdserverpb.Member;

        /**
         * Encodes the specified Member message. Does not implicitly {@link etcdserverpb.Member.verify|verify} messages.
         * @param m Member message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.Member.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Member message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.Member & etcdserverpb.Member.$Shape} Member
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.Member & etcdserverpb.Member.$Shape;

        /**
         * Creates a Member message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Member
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.Member;

        /**
         * Creates a plain object from a Member message. Also converts values to other types if specified.
         * @param m Member
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.Member, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Member to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Member
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Member {

        /** Properties of a Member. */
        interface $Properties {

            /** Member ID */
            ID?: (number|Long|null);

            /** Member name */
            name?: (string|null);

            /** Member peerURLs */
            peerURLs?: (string[]|null);

            /** Member clientURLs */
            clientURLs?: (string[]|null);

            /** Member isLearner */
            isLearner?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Member. */
        type $Shape = etcdserverpb.Member.$Properties;
    }

    /**
     * Properties of a MemberAddRequest.
     * @deprecated Use etcdserverpb.MemberAddRequest.$Properties instead.
     */
    interface IMemberAddRequest extends etcdserverpb.MemberAddRequest.$Properties {
    }

    /** Represents a MemberAddRequest. */
    class MemberAddRequest {

        /**
         * Constructs a new MemberAddRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.MemberAddRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberAddRequest peerURLs. */
        peerURLs: string[];

        /** MemberAddRequest isLearner. */
        isLearner: boolean;

        /**
         * Creates a new MemberAddRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberAddRequest instance
         */
        static create(properties: etcdserverpb.MemberAddRequest.$Shape): etcdserverpb.MemberAddRequest & etcdserverpb.MemberAddRequest.$Shape;
        static create(properties?: etcdserverpb.MemberAddRequest.$Properties): etcdserverpb.MemberAddRequest;

        /**
         * Encodes the specified MemberAddRequest message. Does not implicitly {@link etcdserverpb.MemberAddRequest.verify|verify} messages.
         * @param m MemberAddRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.MemberAddRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberAddRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.MemberAddRequest & etcdserverpb.MemberAddRequest.$Shape} MemberAddRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.MemberAddRequest & etcdserverpb.MemberAddRequest.$Shape;

        /**
         * Creates a MemberAddRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns MemberAddRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.MemberAddRequest;

        /**
         * Creates a plain object from a MemberAddRequest message. Also converts values to other types if specified.
         * @param m MemberAddRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.MemberAddRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberAddRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for MemberAddRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberAddRequest {

        /** Properties of a MemberAddRequest. */
        interface $Properties {

            /** MemberAddRequest peerURLs */
            peerURLs?: (string[]|null);

            /** MemberAddRequest isLearner */
            isLearner?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberAddRequest. */
        type $Shape = etcdserverpb.MemberAddRequest.$Properties;
    }

    /**
     * Properties of a MemberAddResponse.
     * @deprecated Use etcdserverpb.MemberAddResponse.$Properties instead.
     */
    interface IMemberAddResponse extends etcdserverpb.MemberAddResponse.$Properties {
    }

    /** Represents a MemberAddResponse. */
    class MemberAddResponse {

        /**
         * Constructs a new MemberAddResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.MemberAddResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberAddResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** MemberAddResponse member. */
        member?: (etcdserverpb.Member.$Properties|null);

        /** MemberAddResponse members. */
        members: etcdserverpb.Member.$Properties[];

        /**
         * Creates a new MemberAddResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberAddResponse instance
         */
        static create(properties: etcdserverpb.MemberAddResponse.$Shape): etcdserverpb.MemberAddResponse & etcdserverpb.MemberAddResponse.$Shape;
        static create(properties?: etcdserverpb.MemberAddResponse.$Properties): etcdserverpb.MemberAddResponse;

        /**
         * Encodes the specified MemberAddResponse message. Does not implicitly {@link etcdserverpb.MemberAddResponse.verify|verify} messages.
         * @param m MemberAddResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.MemberAddResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberAddResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.MemberAddResponse & etcdserverpb.MemberAddResponse.$Shape} MemberAddResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.MemberAddResponse & etcdserverpb.MemberAddResponse.$Shape;

        /**
         * Creates a MemberAddResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns MemberAddResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.MemberAddResponse;

        /**
         * Creates a plain object from a MemberAddResponse message. Also converts values to other types if specified.
         * @param m MemberAddResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.MemberAddResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberAddResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for MemberAddResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberAddResponse {

        /** Properties of a MemberAddResponse. */
        interface $Properties {

            /** MemberAddResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** MemberAddResponse member */
            member?: (etcdserverpb.Member.$Properties|null);

            /** MemberAddResponse members */
            members?: (etcdserverpb.Member.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberAddResponse. */
        type $Shape = etcdserverpb.MemberAddResponse.$Properties;
    }

    /**
     * Properties of a MemberRemoveRequest.
     * @deprecated Use etcdserverpb.MemberRemoveRequest.$Properties instead.
     */
    interface IMemberRemoveRequest extends etcdserverpb.MemberRemoveRequest.$Properties {
    }

    /** Represents a MemberRemoveRequest. */
    class MemberRemoveRequest {

        /**
         * Constructs a new MemberRemoveRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.MemberRemoveRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberRemoveRequest ID. */
        ID: (number|Long);

        /**
         * Creates a new MemberRemoveRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberRemoveRequest instance
         */
        static create(properties: etcdserverpb.MemberRemoveRequest.$Shape): etcdserverpb.MemberRemoveRequest & etcdserverpb.MemberRemoveRequest.$Shape;
        static create(properties?: etcdserverpb.MemberRemoveRequest.$Properties): etcdserverpb.MemberRemoveRequest;

        /**
         * Encodes the specified MemberRemoveRequest message. Does not implicitly {@link etcdserverpb.MemberRemoveRequest.verify|verify} messages.
         * @param m MemberRemoveRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.MemberRemoveRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberRemoveRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.MemberRemoveRequest & etcdserverpb.MemberRemoveRequest.$Shape} MemberRemoveRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.MemberRemoveRequest & etcdserverpb.MemberRemoveRequest.$Shape;

        /**
         * Creates a MemberRemoveRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns MemberRemoveRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.MemberRemoveRequest;

        /**
         * Creates a plain object from a MemberRemoveRequest message. Also converts values to other types if specified.
         * @param m MemberRemoveRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.MemberRemoveRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberRemoveRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for MemberRemoveRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberRemoveRequest {

        /** Properties of a MemberRemoveRequest. */
        interface $Properties {

            /** MemberRemoveRequest ID */
            ID?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberRemoveRequest. */
        type $Shape = etcdserverpb.MemberRemoveRequest.$Properties;
    }

    /**
     * Properties of a MemberRemoveResponse.
     * @deprecated Use etcdserverpb.MemberRemoveResponse.$Properties instead.
     */
    interface IMemberRemoveResponse extends etcdserverpb.MemberRemoveResponse.$Properties {
    }

    /** Represents a MemberRemoveResponse. */
    class MemberRemoveResponse {

        /**
         * Constructs a new MemberRemoveResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.MemberRemoveResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberRemoveResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** MemberRemoveResponse members. */
        members: etcdserverpb.Member.$Properties[];

        /**
         * Creates a new MemberRemoveResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberRemoveResponse instance
         */
        static create(properties: etcdserverpb.MemberRemoveResponse.$Shape): etcdserverpb.MemberRemoveResponse & etcdserverpb.MemberRemoveResponse.$Shape;
        static create(properties?: etcdserverpb.MemberRemoveResponse.$Properties): etcdserverpb.MemberRemoveResponse;

        /**
         * Encodes the specified MemberRemoveResponse message. Does not implicitly {@link etcdserverpb.MemberRemoveResponse.verify|verify} messages.
         * @param m MemberRemoveResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.MemberRemoveResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberRemoveResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.MemberRemoveResponse & etcdserverpb.MemberRemoveResponse.$Shape} MemberRemoveResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.MemberRemoveResponse & etcdserverpb.MemberRemoveResponse.$Shape;

        /**
         * Creates a MemberRemoveResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns MemberRemoveResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.MemberRemoveResponse;

        /**
         * Creates a plain object from a MemberRemoveResponse message. Also converts values to other types if specified.
         * @param m MemberRemoveResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.MemberRemoveResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberRemoveResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for MemberRemoveResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberRemoveResponse {

        /** Properties of a MemberRemoveResponse. */
        interface $Properties {

            /** MemberRemoveResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** MemberRemoveResponse members */
            members?: (etcdserverpb.Member.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberRemoveResponse. */
        type $Shape = etcdserverpb.MemberRemoveResponse.$Properties;
    }

    /**
     * Properties of a MemberUpdateRequest.
     * @deprecated Use etcdserverpb.MemberUpdateRequest.$Properties instead.
     */
    interface IMemberUpdateRequest extends etcdserverpb.MemberUpdateRequest.$Properties {
    }

    /** Represents a MemberUpdateRequest. */
    class MemberUpdateRequest {

        /**
         * Constructs a new MemberUpdateRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.MemberUpdateRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberUpdateRequest ID. */
        ID: (number|Long);

        /** MemberUpdateRequest peerURLs. */
        peerURLs: string[];

        /**
         * Creates a new MemberUpdateRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberUpdateRequest instance
         */
        static create(properties: etcdserverpb.MemberUpdateRequest.$Shape): etcdserverpb.MemberUpdateRequest & etcdserverpb.MemberUpdateRequest.$Shape;
        static create(properties?: etcdserverpb.MemberUpdateRequest.$Properties): etcdserverpb.MemberUpdateRequest;

        /**
         * Encodes the specified MemberUpdateRequest message. Does not implicitly {@link etcdserverpb.MemberUpdateRequest.verify|verify} messages.
         * @param m MemberUpdateRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.MemberUpdateRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberUpdateRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.MemberUpdateRequest & etcdserverpb.MemberUpdateRequest.$Shape} MemberUpdateRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.MemberUpdateRequest & etcdserverpb.MemberUpdateRequest.$Shape;

        /**
         * Creates a MemberUpdateRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns MemberUpdateRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.MemberUpdateRequest;

        /**
         * Creates a plain object from a MemberUpdateRequest message. Also converts values to other types if specified.
         * @param m MemberUpdateRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.MemberUpdateRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberUpdateRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for MemberUpdateRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberUpdateRequest {

        /** Properties of a MemberUpdateRequest. */
        interface $Properties {

            /** MemberUpdateRequest ID */
            ID?: (number|Long|null);

            /** MemberUpdateRequest peerURLs */
            peerURLs?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberUpdateRequest. */
        type $Shape = etcdserverpb.MemberUpdateRequest.$Properties;
    }

    /**
     * Properties of a MemberUpdateResponse.
     * @deprecated Use etcdserverpb.MemberUpdateResponse.$Properties instead.
     */
    interface IMemberUpdateResponse extends etcdserverpb.MemberUpdateResponse.$Properties {
    }

    /** Represents a MemberUpdateResponse. */
    class MemberUpdateResponse {

        /**
         * Constructs a new MemberUpdateResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.MemberUpdateResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberUpdateResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** MemberUpdateResponse members. */
        members: etcdserverpb.Member.$Properties[];

        /**
         * Creates a new MemberUpdateResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberUpdateResponse instance
         */
        static create(properties: etcdserverpb.MemberUpdateResponse.$Shape): etcdserverpb.MemberUpdateResponse & etcdserverpb.MemberUpdateResponse.$Shape;
        static create(properties?: etcdserverpb.MemberUpdateResponse.$Properties): etcdserverpb.MemberUpdateResponse;

        /**
         * Encodes the specified MemberUpdateResponse message. Does not implicitly {@link etcdserverpb.MemberUpdateResponse.verify|verify} messages.
         * @param m MemberUpdateResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.MemberUpdateResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberUpdateResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.MemberUpdateResponse & etcdserverpb.MemberUpdateResponse.$Shape} MemberUpdateResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.MemberUpdateResponse & etcdserverpb.MemberUpdateResponse.$Shape;

        /**
         * Creates a MemberUpdateResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns MemberUpdateResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.MemberUpdateResponse;

        /**
         * Creates a plain object from a MemberUpdateResponse message. Also converts values to other types if specified.
         * @param m MemberUpdateResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.MemberUpdateResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberUpdateResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for MemberUpdateResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberUpdateResponse {

        /** Properties of a MemberUpdateResponse. */
        interface $Properties {

            /** MemberUpdateResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** MemberUpdateResponse members */
            members?: (etcdserverpb.Member.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberUpdateResponse. */
        type $Shape = etcdserverpb.MemberUpdateResponse.$Properties;
    }

    /**
     * Properties of a MemberListRequest.
     * @deprecated Use etcdserverpb.MemberListRequest.$Properties instead.
     */
    interface IMemberListRequest extends etcdserverpb.MemberListRequest.$Properties {
    }

    /** Represents a MemberListRequest. */
    class MemberListRequest {

        /**
         * Constructs a new MemberListRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.MemberListRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new MemberListRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberListRequest instance
         */
        static create(properties: etcdserverpb.MemberListRequest.$Shape): etcdserverpb.MemberListRequest & etcdserverpb.MemberListRequest.$Shape;
        static create(properties?: etcdserverpb.MemberListRequest.$Properties): etcdserverpb.MemberListRequest;

        /**
         * Encodes the specified MemberListRequest message. Does not implicitly {@link etcdserverpb.MemberListRequest.verify|verify} messages.
         * @param m MemberListRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.MemberListRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberListRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.MemberListRequest & etcdserverpb.MemberListRequest.$Shape} MemberListRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.MemberListRequest & etcdserverpb.MemberListRequest.$Shape;

        /**
         * Creates a MemberListRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns MemberListRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.MemberListRequest;

        /**
         * Creates a plain object from a MemberListRequest message. Also converts values to other types if specified.
         * @param m MemberListRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.MemberListRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberListRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for MemberListRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberListRequest {

        /** Properties of a MemberListRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberListRequest. */
        type $Shape = etcdserverpb.MemberListRequest.$Properties;
    }

    /**
     * Properties of a MemberListResponse.
     * @deprecated Use etcdserverpb.MemberListResponse.$Properties instead.
     */
    interface IMemberListResponse extends etcdserverpb.MemberListResponse.$Properties {
    }

    /** Represents a MemberListResponse. */
    class MemberListResponse {

        /**
         * Constructs a new MemberListResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.MemberListResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberListResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** MemberListResponse members. */
        members: etcdserverpb.Member.$Properties[];

        /**
         * Creates a new MemberListResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberListResponse instance
         */
        static create(properties: etcdserverpb.MemberListResponse.$Shape): etcdserverpb.MemberListResponse & etcdserverpb.MemberListResponse.$Shape;
        static create(properties?: etcdserverpb.MemberListResponse.$Properties): etcdserverpb.MemberListResponse;

        /**
         * Encodes the specified MemberListResponse message. Does not implicitly {@link etcdserverpb.MemberListResponse.verify|verify} messages.
         * @param m MemberListResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.MemberListResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberListResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.MemberListResponse & etcdserverpb.MemberListResponse.$Shape} MemberListResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.MemberListResponse & etcdserverpb.MemberListResponse.$Shape;

        /**
         * Creates a MemberListResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns MemberListResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.MemberListResponse;

        /**
         * Creates a plain object from a MemberListResponse message. Also converts values to other types if specified.
         * @param m MemberListResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.MemberListResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberListResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for MemberListResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberListResponse {

        /** Properties of a MemberListResponse. */
        interface $Properties {

            /** MemberListResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** MemberListResponse members */
            members?: (etcdserverpb.Member.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberListResponse. */
        type $Shape = etcdserverpb.MemberListResponse.$Properties;
    }

    /**
     * Properties of a MemberPromoteRequest.
     * @deprecated Use etcdserverpb.MemberPromoteRequest.$Properties instead.
     */
    interface IMemberPromoteRequest extends etcdserverpb.MemberPromoteRequest.$Properties {
    }

    /** Represents a MemberPromoteRequest. */
    class MemberPromoteRequest {

        /**
         * Constructs a new MemberPromoteRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.MemberPromoteRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberPromoteRequest ID. */
        ID: (number|Long);

        /**
         * Creates a new MemberPromoteRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberPromoteRequest instance
         */
        static create(properties: etcdserverpb.MemberPromoteRequest.$Shape): etcdserverpb.MemberPromoteRequest & etcdserverpb.MemberPromoteRequest.$Shape;
        static create(properties?: etcdserverpb.MemberPromoteRequest.$Properties): etcdserverpb.MemberPromoteRequest;

        /**
         * Encodes the specified MemberPromoteRequest message. Does not implicitly {@link etcdserverpb.MemberPromoteRequest.verify|verify} messages.
         * @param m MemberPromoteRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.MemberPromoteRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberPromoteRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.MemberPromoteRequest & etcdserverpb.MemberPromoteRequest.$Shape} MemberPromoteRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.MemberPromoteRequest & etcdserverpb.MemberPromoteRequest.$Shape;

        /**
         * Creates a MemberPromoteRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns MemberPromoteRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.MemberPromoteRequest;

        /**
         * Creates a plain object from a MemberPromoteRequest message. Also converts values to other types if specified.
         * @param m MemberPromoteRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.MemberPromoteRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberPromoteRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for MemberPromoteRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberPromoteRequest {

        /** Properties of a MemberPromoteRequest. */
        interface $Properties {

            /** MemberPromoteRequest ID */
            ID?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberPromoteRequest. */
        type $Shape = etcdserverpb.MemberPromoteRequest.$Properties;
    }

    /**
     * Properties of a MemberPromoteResponse.
     * @deprecated Use etcdserverpb.MemberPromoteResponse.$Properties instead.
     */
    interface IMemberPromoteResponse extends etcdserverpb.MemberPromoteResponse.$Properties {
    }

    /** Represents a MemberPromoteResponse. */
    class MemberPromoteResponse {

        /**
         * Constructs a new MemberPromoteResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.MemberPromoteResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberPromoteResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** MemberPromoteResponse members. */
        members: etcdserverpb.Member.$Properties[];

        /**
         * Creates a new MemberPromoteResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberPromoteResponse instance
         */
        static create(properties: etcdserverpb.MemberPromoteResponse.$Shape): etcdserverpb.MemberPromoteResponse & etcdserverpb.MemberPromoteResponse.$Shape;
        static create(properties?: etcdserverpb.MemberPromoteResponse.$Properties): etcdserverpb.MemberPromoteResponse;

        /**
         * Encodes the specified MemberPromoteResponse message. Does not implicitly {@link etcdserverpb.MemberPromoteResponse.verify|verify} messages.
         * @param m MemberPromoteResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.MemberPromoteResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberPromoteResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.MemberPromoteResponse & etcdserverpb.MemberPromoteResponse.$Shape} MemberPromoteResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.MemberPromoteResponse & etcdserverpb.MemberPromoteResponse.$Shape;

        /**
         * Creates a MemberPromoteResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns MemberPromoteResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.MemberPromoteResponse;

        /**
         * Creates a plain object from a MemberPromoteResponse message. Also converts values to other types if specified.
         * @param m MemberPromoteResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.MemberPromoteResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberPromoteResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for MemberPromoteResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberPromoteResponse {

        /** Properties of a MemberPromoteResponse. */
        interface $Properties {

            /** MemberPromoteResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** MemberPromoteResponse members */
            members?: (etcdserverpb.Member.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberPromoteResponse. */
        type $Shape = etcdserverpb.MemberPromoteResponse.$Properties;
    }

    /**
     * Properties of a DefragmentRequest.
     * @deprecated Use etcdserverpb.DefragmentRequest.$Properties instead.
     */
    interface IDefragmentRequest extends etcdserverpb.DefragmentRequest.$Properties {
    }

    /** Represents a DefragmentRequest. */
    class DefragmentRequest {

        /**
         * Constructs a new DefragmentRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.DefragmentRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new DefragmentRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DefragmentRequest instance
         */
        static create(properties: etcdserverpb.DefragmentRequest.$Shape): etcdserverpb.DefragmentRequest & etcdserverpb.DefragmentRequest.$Shape;
        static create(properties?: etcdserverpb.DefragmentRequest.$Properties): etcdserverpb.DefragmentRequest;

        /**
         * Encodes the specified DefragmentRequest message. Does not implicitly {@link etcdserverpb.DefragmentRequest.verify|verify} messages.
         * @param m DefragmentRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.DefragmentRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DefragmentRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.DefragmentRequest & etcdserverpb.DefragmentRequest.$Shape} DefragmentRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.DefragmentRequest & etcdserverpb.DefragmentRequest.$Shape;

        /**
         * Creates a DefragmentRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns DefragmentRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.DefragmentRequest;

        /**
         * Creates a plain object from a DefragmentRequest message. Also converts values to other types if specified.
         * @param m DefragmentRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.DefragmentRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this DefragmentRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for DefragmentRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace DefragmentRequest {

        /** Properties of a DefragmentRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DefragmentRequest. */
        type $Shape = etcdserverpb.DefragmentRequest.$Properties;
    }

    /**
     * Properties of a DefragmentResponse.
     * @deprecated Use etcdserverpb.DefragmentResponse.$Properties instead.
     */
    interface IDefragmentResponse extends etcdserverpb.DefragmentResponse.$Properties {
    }

    /** Represents a DefragmentResponse. */
    class DefragmentResponse {

        /**
         * Constructs a new DefragmentResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.DefragmentResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DefragmentResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new DefragmentResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DefragmentResponse instance
         */
        static create(properties: etcdserverpb.DefragmentResponse.$Shape): etcdserverpb.DefragmentResponse & etcdserverpb.DefragmentResponse.$Shape;
        static create(properties?: etcdserverpb.DefragmentResponse.$Properties): etcdserverpb.DefragmentResponse;

        /**
         * Encodes the specified DefragmentResponse message. Does not implicitly {@link etcdserverpb.DefragmentResponse.verify|verify} messages.
         * @param m DefragmentResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.DefragmentResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DefragmentResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.DefragmentResponse & etcdserverpb.DefragmentResponse.$Shape} DefragmentResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.DefragmentResponse & etcdserverpb.DefragmentResponse.$Shape;

        /**
         * Creates a DefragmentResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns DefragmentResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.DefragmentResponse;

        /**
         * Creates a plain object from a DefragmentResponse message. Also converts values to other types if specified.
         * @param m DefragmentResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.DefragmentResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this DefragmentResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for DefragmentResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace DefragmentResponse {

        /** Properties of a DefragmentResponse. */
        interface $Properties {

            /** DefragmentResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DefragmentResponse. */
        type $Shape = etcdserverpb.DefragmentResponse.$Properties;
    }

    /**
     * Properties of a MoveLeaderRequest.
     * @deprecated Use etcdserverpb.MoveLeaderRequest.$Properties instead.
     */
    interface IMoveLeaderRequest extends etcdserverpb.MoveLeaderRequest.$Properties {
    }

    /** Represents a MoveLeaderRequest. */
    class MoveLeaderRequest {

        /**
         * Constructs a new MoveLeaderRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.MoveLeaderRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MoveLeaderRequest targetID. */
        targetID: (number|Long);

        /**
         * Creates a new MoveLeaderRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MoveLeaderRequest instance
         */
        static create(properties: etcdserverpb.MoveLeaderRequest.$Shape): etcdserverpb.MoveLeaderRequest & etcdserverpb.MoveLeaderRequest.$Shape;
        static create(properties?: etcdserverpb.MoveLeaderRequest.$Properties): etcdserverpb.MoveLeaderRequest;

        /**
         * Encodes the specified MoveLeaderRequest message. Does not implicitly {@link etcdserverpb.MoveLeaderRequest.verify|verify} messages.
         * @param m MoveLeaderRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.MoveLeaderRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MoveLeaderRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.MoveLeaderRequest & etcdserverpb.MoveLeaderRequest.$Shape} MoveLeaderRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.MoveLeaderRequest & etcdserverpb.MoveLeaderRequest.$Shape;

        /**
         * Creates a MoveLeaderRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns MoveLeaderRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.MoveLeaderRequest;

        /**
         * Creates a plain object from a MoveLeaderRequest message. Also converts values to other types if specified.
         * @param m MoveLeaderRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.MoveLeaderRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MoveLeaderRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for MoveLeaderRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MoveLeaderRequest {

        /** Properties of a MoveLeaderRequest. */
        interface $Properties {

            /** MoveLeaderRequest targetID */
            targetID?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MoveLeaderRequest. */
        type $Shape = etcdserverpb.MoveLeaderRequest.$Properties;
    }

    /**
     * Properties of a MoveLeaderResponse.
     * @deprecated Use etcdserverpb.MoveLeaderResponse.$Properties instead.
     */
    interface IMoveLeaderResponse extends etcdserverpb.MoveLeaderResponse.$Properties {
    }

    /** Represents a MoveLeaderResponse. */
    class MoveLeaderResponse {

        /**
         * Constructs a new MoveLeaderResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.MoveLeaderResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MoveLeaderResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new MoveLeaderResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MoveLeaderResponse instance
         */
        static create(properties: etcdserverpb.MoveLeaderResponse.$Shape): etcdserverpb.MoveLeaderResponse & etcdserverpb.MoveLeaderResponse.$Shape;
        static create(properties?: etcdserverpb.MoveLeaderResponse.$Properties): etcdserverpb.MoveLeaderResponse;

        /**
         * Encodes the specified MoveLeaderResponse message. Does not implicitly {@link etcdserverpb.MoveLeaderResponse.verify|verify} messages.
         * @param m MoveLeaderResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.MoveLeaderResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MoveLeaderResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.MoveLeaderResponse & etcdserverpb.MoveLeaderResponse.$Shape} MoveLeaderResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.MoveLeaderResponse & etcdserverpb.MoveLeaderResponse.$Shape;

        /**
         * Creates a MoveLeaderResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns MoveLeaderResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.MoveLeaderResponse;

        /**
         * Creates a plain object from a MoveLeaderResponse message. Also converts values to other types if specified.
         * @param m MoveLeaderResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.MoveLeaderResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MoveLeaderResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for MoveLeaderResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MoveLeaderResponse {

        /** Properties of a MoveLeaderResponse. */
        interface $Properties {

            /** MoveLeaderResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MoveLeaderResponse. */
        type $Shape = etcdserverpb.MoveLeaderResponse.$Properties;
    }

    /** AlarmType enum. */
    enum AlarmType {

        /** NONE value */
        NONE = 0,

        /** NOSPACE value */
        NOSPACE = 1,

        /** CORRUPT value */
        CORRUPT = 2
    }

    /**
     * Properties of an AlarmRequest.
     * @deprecated Use etcdserverpb.AlarmRequest.$Properties instead.
     */
    interface IAlarmRequest extends etcdserverpb.AlarmRequest.$Properties {
    }

    /** Represents an AlarmRequest. */
    class AlarmRequest {

        /**
         * Constructs a new AlarmRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AlarmRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AlarmRequest action. */
        action: etcdserverpb.AlarmRequest.AlarmAction;

        /** AlarmRequest memberID. */
        memberID: (number|Long);

        /** AlarmRequest alarm. */
        alarm: etcdserverpb.AlarmType;

        /**
         * Creates a new AlarmRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AlarmRequest instance
         */
        static create(properties: etcdserverpb.AlarmRequest.$Shape): etcdserverpb.AlarmRequest & etcdserverpb.AlarmRequest.$Shape;
        static create(properties?: etcdserverpb.AlarmRequest.$Properties): etcdserverpb.AlarmRequest;

        /**
         * Encodes the specified AlarmRequest message. Does not implicitly {@link etcdserverpb.AlarmRequest.verify|verify} messages.
         * @param m AlarmRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AlarmRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AlarmRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AlarmRequest & etcdserverpb.AlarmRequest.$Shape} AlarmRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AlarmRequest & etcdserverpb.AlarmRequest.$Shape;

        /**
         * Creates an AlarmRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AlarmRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AlarmRequest;

        /**
         * Creates a plain object from an AlarmRequest message. Also converts values to other types if specified.
         * @param m AlarmRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AlarmRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AlarmRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AlarmRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AlarmRequest {

        /** Properties of an AlarmRequest. */
        interface $Properties {

            /** AlarmRequest action */
            action?: (etcdserverpb.AlarmRequest.AlarmAction|null);

            /** AlarmRequest memberID */
            memberID?: (number|Long|null);

            /** AlarmRequest alarm */
            alarm?: (etcdserverpb.AlarmType|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AlarmRequest. */
        type $Shape = etcdserverpb.AlarmRequest.$Properties;

        /** AlarmAction enum. */
        enum AlarmAction {

            /** GET value */
            GET = 0,

            /** ACTIVATE value */
            ACTIVATE = 1,

            /** DEACTIVATE value */
            DEACTIVATE = 2
        }
    }

    /**
     * Properties of an AlarmMember.
     * @deprecated Use etcdserverpb.AlarmMember.$Properties instead.
     */
    interface IAlarmMember extends etcdserverpb.AlarmMember.$Properties {
    }

    /** Represents an AlarmMember. */
    class AlarmMember {

        /**
         * Constructs a new AlarmMember.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AlarmMember.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AlarmMember memberID. */
        memberID: (number|Long);

        /** AlarmMember alarm. */
        alarm: etcdserverpb.AlarmType;

        /**
         * Creates a new AlarmMember instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AlarmMember instance
         */
        static create(properties: etcdserverpb.AlarmMember.$Shape): etcdserverpb.AlarmMember & etcdserverpb.AlarmMember.$Shape;
        static create(properties?: etcdserverpb.AlarmMember.$Properties): etcdserverpb.AlarmMember;

        /**
         * Encodes the specified AlarmMember message. Does not implicitly {@link etcdserverpb.AlarmMember.verify|verify} messages.
         * @param m AlarmMember message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AlarmMember.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AlarmMember message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AlarmMember & etcdserverpb.AlarmMember.$Shape} AlarmMember
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AlarmMember & etcdserverpb.AlarmMember.$Shape;

        /**
         * Creates an AlarmMember message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AlarmMember
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AlarmMember;

        /**
         * Creates a plain object from an AlarmMember message. Also converts values to other types if specified.
         * @param m AlarmMember
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AlarmMember, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AlarmMember to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AlarmMember
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AlarmMember {

        /** Properties of an AlarmMember. */
        interface $Properties {

            /** AlarmMember memberID */
            memberID?: (number|Long|null);

            /** AlarmMember alarm */
            alarm?: (etcdserverpb.AlarmType|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AlarmMember. */
        type $Shape = etcdserverpb.AlarmMember.$Properties;
    }

    /**
     * Properties of an AlarmResponse.
     * @deprecated Use etcdserverpb.AlarmResponse.$Properties instead.
     */
    interface IAlarmResponse extends etcdserverpb.AlarmResponse.$Properties {
    }

    /** Represents an AlarmResponse. */
    class AlarmResponse {

        /**
         * Constructs a new AlarmResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AlarmResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AlarmResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** AlarmResponse alarms. */
        alarms: etcdserverpb.AlarmMember.$Properties[];

        /**
         * Creates a new AlarmResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AlarmResponse instance
         */
        static create(properties: etcdserverpb.AlarmResponse.$Shape): etcdserverpb.AlarmResponse & etcdserverpb.AlarmResponse.$Shape;
        static create(properties?: etcdserverpb.AlarmResponse.$Properties): etcdserverpb.AlarmResponse;

        /**
         * Encodes the specified AlarmResponse message. Does not implicitly {@link etcdserverpb.AlarmResponse.verify|verify} messages.
         * @param m AlarmResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AlarmResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AlarmResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AlarmResponse & etcdserverpb.AlarmResponse.$Shape} AlarmResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AlarmResponse & etcdserverpb.AlarmResponse.$Shape;

        /**
         * Creates an AlarmResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AlarmResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AlarmResponse;

        /**
         * Creates a plain object from an AlarmResponse message. Also converts values to other types if specified.
         * @param m AlarmResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AlarmResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AlarmResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AlarmResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AlarmResponse {

        /** Properties of an AlarmResponse. */
        interface $Properties {

            /** AlarmResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** AlarmResponse alarms */
            alarms?: (etcdserverpb.AlarmMember.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AlarmResponse. */
        type $Shape = etcdserverpb.AlarmResponse.$Properties;
    }

    /**
     * Properties of a StatusRequest.
     * @deprecated Use etcdserverpb.StatusRequest.$Properties instead.
     */
    interface IStatusRequest extends etcdserverpb.StatusRequest.$Properties {
    }

    /** Represents a StatusRequest. */
    class StatusRequest {

        /**
         * Constructs a new StatusRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.StatusRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new StatusRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns StatusRequest instance
         */
        static create(properties: etcdserverpb.StatusRequest.$Shape): etcdserverpb.StatusRequest & etcdserverpb.StatusRequest.$Shape;
        static create(properties?: etcdserverpb.StatusRequest.$Properties): etcdserverpb.StatusRequest;

        /**
         * Encodes the specified StatusRequest message. Does not implicitly {@link etcdserverpb.StatusRequest.verify|verify} messages.
         * @param m StatusRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.StatusRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a StatusRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.StatusRequest & etcdserverpb.StatusRequest.$Shape} StatusRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.StatusRequest & etcdserverpb.StatusRequest.$Shape;

        /**
         * Creates a StatusRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns StatusRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.StatusRequest;

        /**
         * Creates a plain object from a StatusRequest message. Also converts values to other types if specified.
         * @param m StatusRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.StatusRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this StatusRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for StatusRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace StatusRequest {

        /** Properties of a StatusRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a StatusRequest. */
        type $Shape = etcdserverpb.StatusRequest.$Properties;
    }

    /**
     * Properties of a StatusResponse.
     * @deprecated Use etcdserverpb.StatusResponse.$Properties instead.
     */
    interface IStatusResponse extends etcdserverpb.StatusResponse.$Properties {
    }

    /** Represents a StatusResponse. */
    class StatusResponse {

        /**
         * Constructs a new StatusResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.StatusResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** StatusResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** StatusResponse version. */
        version: string;

        /** StatusResponse dbSize. */
        dbSize: (number|Long);

        /** StatusResponse leader. */
        leader: (number|Long);

        /** StatusResponse raftIndex. */
        raftIndex: (number|Long);

        /** StatusResponse raftTerm. */
        raftTerm: (number|Long);

        /** StatusResponse raftAppliedIndex. */
        raftAppliedIndex: (number|Long);

        /** StatusResponse errors. */
        errors: string[];

        /** StatusResponse dbSizeInUse. */
        dbSizeInUse: (number|Long);

        /** StatusResponse isLearner. */
        isLearner: boolean;

        /**
         * Creates a new StatusResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns StatusResponse instance
         */
        static create(properties: etcdserverpb.StatusResponse.$Shape): etcdserverpb.StatusResponse & etcdserverpb.StatusResponse.$Shape;
        static create(properties?: etcdserverpb.StatusResponse.$Properties): etcdserverpb.StatusResponse;

        /**
         * Encodes the specified StatusResponse message. Does not implicitly {@link etcdserverpb.StatusResponse.verify|verify} messages.
         * @param m StatusResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.StatusResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a StatusResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.StatusResponse & etcdserverpb.StatusResponse.$Shape} StatusResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.StatusResponse & etcdserverpb.StatusResponse.$Shape;

        /**
         * Creates a StatusResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns StatusResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.StatusResponse;

        /**
         * Creates a plain object from a StatusResponse message. Also converts values to other types if specified.
         * @param m StatusResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.StatusResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this StatusResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for StatusResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace StatusResponse {

        /** Properties of a StatusResponse. */
        interface $Properties {

            /** StatusResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** StatusResponse version */
            version?: (string|null);

            /** StatusResponse dbSize */
            dbSize?: (number|Long|null);

            /** StatusResponse leader */
            leader?: (number|Long|null);

            /** StatusResponse raftIndex */
            raftIndex?: (number|Long|null);

            /** StatusResponse raftTerm */
            raftTerm?: (number|Long|null);

            /** StatusResponse raftAppliedIndex */
            raftAppliedIndex?: (number|Long|null);

            /** StatusResponse errors */
            errors?: (string[]|null);

            /** StatusResponse dbSizeInUse */
            dbSizeInUse?: (number|Long|null);

            /** StatusResponse isLearner */
            isLearner?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a StatusResponse. */
        type $Shape = etcdserverpb.StatusResponse.$Properties;
    }

    /**
     * Properties of an AuthEnableRequest.
     * @deprecated Use etcdserverpb.AuthEnableRequest.$Properties instead.
     */
    interface IAuthEnableRequest extends etcdserverpb.AuthEnableRequest.$Properties {
    }

    /** Represents an AuthEnableRequest. */
    class AuthEnableRequest {

        /**
         * Constructs a new AuthEnableRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthEnableRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new AuthEnableRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthEnableRequest instance
         */
        static create(properties: etcdserverpb.AuthEnableRequest.$Shape): etcdserverpb.AuthEnableRequest & etcdserverpb.AuthEnableRequest.$Shape;
        static create(properties?: etcdserverpb.AuthEnableRequest.$Properties): etcdserverpb.AuthEnableRequest;

        /**
         * Encodes the specified AuthEnableRequest message. Does not implicitly {@link etcdserverpb.AuthEnableRequest.verify|verify} messages.
         * @param m AuthEnableRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthEnableRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthEnableRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthEnableRequest & etcdserverpb.AuthEnableRequest.$Shape} AuthEnableRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthEnableRequest & etcdserverpb.AuthEnableRequest.$Shape;

        /**
         * Creates an AuthEnableRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthEnableRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthEnableRequest;

        /**
         * Creates a plain object from an AuthEnableRequest message. Also converts values to other types if specified.
         * @param m AuthEnableRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthEnableRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthEnableRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthEnableRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthEnableRequest {

        /** Properties of an AuthEnableRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthEnableRequest. */
        type $Shape = etcdserverpb.AuthEnableRequest.$Properties;
    }

    /**
     * Properties of an AuthDisableRequest.
     * @deprecated Use etcdserverpb.AuthDisableRequest.$Properties instead.
     */
    interface IAuthDisableRequest extends etcdserverpb.AuthDisableRequest.$Properties {
    }

    /** Represents an AuthDisableRequest. */
    class AuthDisableRequest {

        /**
         * Constructs a new AuthDisableRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthDisableRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new AuthDisableRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthDisableRequest instance
         */
        static create(properties: etcdserverpb.AuthDisableRequest.$Shape): etcdserverpb.AuthDisableRequest & etcdserverpb.AuthDisableRequest.$Shape;
        static create(properties?: etcdserverpb.AuthDisableRequest.$Properties): etcdserverpb.AuthDisableRequest;

        /**
         * Encodes the specified AuthDisableRequest message. Does not implicitly {@link etcdserverpb.AuthDisableRequest.verify|verify} messages.
         * @param m AuthDisableRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthDisableRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthDisableRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthDisableRequest & etcdserverpb.AuthDisableRequest.$Shape} AuthDisableRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthDisableRequest & etcdserverpb.AuthDisableRequest.$Shape;

        /**
         * Creates an AuthDisableRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthDisableRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthDisableRequest;

        /**
         * Creates a plain object from an AuthDisableRequest message. Also converts values to other types if specified.
         * @param m AuthDisableRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthDisableRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthDisableRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthDisableRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthDisableRequest {

        /** Properties of an AuthDisableRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthDisableRequest. */
        type $Shape = etcdserverpb.AuthDisableRequest.$Properties;
    }

    /**
     * Properties of an AuthenticateRequest.
     * @deprecated Use etcdserverpb.AuthenticateRequest.$Properties instead.
     */
    interface IAuthenticateRequest extends etcdserverpb.AuthenticateRequest.$Properties {
    }

    /** Represents an AuthenticateRequest. */
    class AuthenticateRequest {

        /**
         * Constructs a new AuthenticateRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthenticateRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthenticateRequest name. */
        name: string;

        /** AuthenticateRequest password. */
        password: string;

        /**
         * Creates a new AuthenticateRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthenticateRequest instance
         */
        static create(properties: etcdserverpb.AuthenticateRequest.$Shape): etcdserverpb.AuthenticateRequest & etcdserverpb.AuthenticateRequest.$Shape;
        static create(properties?: etcdserverpb.AuthenticateRequest.$Properties): etcdserverpb.AuthenticateRequest;

        /**
         * Encodes the specified AuthenticateRequest message. Does not implicitly {@link etcdserverpb.AuthenticateRequest.verify|verify} messages.
         * @param m AuthenticateRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthenticateRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthenticateRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthenticateRequest & etcdserverpb.AuthenticateRequest.$Shape} AuthenticateRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthenticateRequest & etcdserverpb.AuthenticateRequest.$Shape;

        /**
         * Creates an AuthenticateRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthenticateRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthenticateRequest;

        /**
         * Creates a plain object from an AuthenticateRequest message. Also converts values to other types if specified.
         * @param m AuthenticateRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthenticateRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthenticateRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthenticateRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthenticateRequest {

        /** Properties of an AuthenticateRequest. */
        interface $Properties {

            /** AuthenticateRequest name */
            name?: (string|null);

            /** AuthenticateRequest password */
            password?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthenticateRequest. */
        type $Shape = etcdserverpb.AuthenticateRequest.$Properties;
    }

    /**
     * Properties of an AuthUserAddRequest.
     * @deprecated Use etcdserverpb.AuthUserAddRequest.$Properties instead.
     */
    interface IAuthUserAddRequest extends etcdserverpb.AuthUserAddRequest.$Properties {
    }

    /** Represents an AuthUserAddRequest. */
    class AuthUserAddRequest {

        /**
         * Constructs a new AuthUserAddRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthUserAddRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserAddRequest name. */
        name: string;

        /** AuthUserAddRequest password. */
        password: string;

        /** AuthUserAddRequest options. */
        options?: (authpb.UserAddOptions.$Properties|null);

        /**
         * Creates a new AuthUserAddRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserAddRequest instance
         */
        static create(properties: etcdserverpb.AuthUserAddRequest.$Shape): etcdserverpb.AuthUserAddRequest & etcdserverpb.AuthUserAddRequest.$Shape;
        static create(properties?: etcdserverpb.AuthUserAddRequest.$Properties): etcdserverpb.AuthUserAddRequest;

        /**
         * Encodes the specified AuthUserAddRequest message. Does not implicitly {@link etcdserverpb.AuthUserAddRequest.verify|verify} messages.
         * @param m AuthUserAddRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthUserAddRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserAddRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserAddRequest & etcdserverpb.AuthUserAddRequest.$Shape} AuthUserAddRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthUserAddRequest & etcdserverpb.AuthUserAddRequest.$Shape;

        /**
         * Creates an AuthUserAddRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthUserAddRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthUserAddRequest;

        /**
         * Creates a plain object from an AuthUserAddRequest message. Also converts values to other types if specified.
         * @param m AuthUserAddRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthUserAddRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserAddRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthUserAddRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserAddRequest {

        /** Properties of an AuthUserAddRequest. */
        interface $Properties {

            /** AuthUserAddRequest name */
            name?: (string|null);

            /** AuthUserAddRequest password */
            password?: (string|null);

            /** AuthUserAddRequest options */
            options?: (authpb.UserAddOptions.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserAddRequest. */
        type $Shape = etcdserverpb.AuthUserAddRequest.$Properties;
    }

    /**
     * Properties of an AuthUserGetRequest.
     * @deprecated Use etcdserverpb.AuthUserGetRequest.$Properties instead.
     */
    interface IAuthUserGetRequest extends etcdserverpb.AuthUserGetRequest.$Properties {
    }

    /** Represents an AuthUserGetRequest. */
    class AuthUserGetRequest {

        /**
         * Constructs a new AuthUserGetRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthUserGetRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserGetRequest name. */
        name: string;

        /**
         * Creates a new AuthUserGetRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserGetRequest instance
         */
        static create(properties: etcdserverpb.AuthUserGetRequest.$Shape): etcdserverpb.AuthUserGetRequest & etcdserverpb.AuthUserGetRequest.$Shape;
        static create(properties?: etcdserverpb.AuthUserGetRequest.$Properties): etcdserverpb.AuthUserGetRequest;

        /**
         * Encodes the specified AuthUserGetRequest message. Does not implicitly {@link etcdserverpb.AuthUserGetRequest.verify|verify} messages.
         * @param m AuthUserGetRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthUserGetRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserGetRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserGetRequest & etcdserverpb.AuthUserGetRequest.$Shape} AuthUserGetRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthUserGetRequest & etcdserverpb.AuthUserGetRequest.$Shape;

        /**
         * Creates an AuthUserGetRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthUserGetRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthUserGetRequest;

        /**
         * Creates a plain object from an AuthUserGetRequest message. Also converts values to other types if specified.
         * @param m AuthUserGetRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthUserGetRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserGetRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthUserGetRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserGetRequest {

        /** Properties of an AuthUserGetRequest. */
        interface $Properties {

            /** AuthUserGetRequest name */
            name?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserGetRequest. */
        type $Shape = etcdserverpb.AuthUserGetRequest.$Properties;
    }

    /**
     * Properties of an AuthUserDeleteRequest.
     * @deprecated Use etcdserverpb.AuthUserDeleteRequest.$Properties instead.
     */
    interface IAuthUserDeleteRequest extends etcdserverpb.AuthUserDeleteRequest.$Properties {
    }

    /** Represents an AuthUserDeleteRequest. */
    class AuthUserDeleteRequest {

        /**
         * Constructs a new AuthUserDeleteRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthUserDeleteRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserDeleteRequest name. */
        name: string;

        /**
         * Creates a new AuthUserDeleteRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserDeleteRequest instance
         */
        static create(properties: etcdserverpb.AuthUserDeleteRequest.$Shape): etcdserverpb.AuthUserDeleteRequest & etcdserverpb.AuthUserDeleteRequest.$Shape;
        static create(properties?: etcdserverpb.AuthUserDeleteRequest.$Properties): etcdserverpb.AuthUserDeleteRequest;

        /**
         * Encodes the specified AuthUserDeleteRequest message. Does not implicitly {@link etcdserverpb.AuthUserDeleteRequest.verify|verify} messages.
         * @param m AuthUserDeleteRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthUserDeleteRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserDeleteRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserDeleteRequest & etcdserverpb.AuthUserDeleteRequest.$Shape} AuthUserDeleteRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthUserDeleteRequest & etcdserverpb.AuthUserDeleteRequest.$Shape;

        /**
         * Creates an AuthUserDeleteRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthUserDeleteRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthUserDeleteRequest;

        /**
         * Creates a plain object from an AuthUserDeleteRequest message. Also converts values to other types if specified.
         * @param m AuthUserDeleteRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthUserDeleteRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserDeleteRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthUserDeleteRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserDeleteRequest {

        /** Properties of an AuthUserDeleteRequest. */
        interface $Properties {

            /** AuthUserDeleteRequest name */
            name?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserDeleteRequest. */
        type $Shape = etcdserverpb.AuthUserDeleteRequest.$Properties;
    }

    /**
     * Properties of an AuthUserChangePasswordRequest.
     * @deprecated Use etcdserverpb.AuthUserChangePasswordRequest.$Properties instead.
     */
    interface IAuthUserChangePasswordRequest extends etcdserverpb.AuthUserChangePasswordRequest.$Properties {
    }

    /** Represents an AuthUserChangePasswordRequest. */
    class AuthUserChangePasswordRequest {

        /**
         * Constructs a new AuthUserChangePasswordRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthUserChangePasswordRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserChangePasswordRequest name. */
        name: string;

        /** AuthUserChangePasswordRequest password. */
        password: string;

        /**
         * Creates a new AuthUserChangePasswordRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserChangePasswordRequest instance
         */
        static create(properties: etcdserverpb.AuthUserChangePasswordRequest.$Shape): etcdserverpb.AuthUserChangePasswordRequest & etcdserverpb.AuthUserChangePasswordRequest.$Shape;
        static create(properties?: etcdserverpb.AuthUserChangePasswordRequest.$Properties): etcdserverpb.AuthUserChangePasswordRequest;

        /**
         * Encodes the specified AuthUserChangePasswordRequest message. Does not implicitly {@link etcdserverpb.AuthUserChangePasswordRequest.verify|verify} messages.
         * @param m AuthUserChangePasswordRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthUserChangePasswordRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserChangePasswordRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserChangePasswordRequest & etcdserverpb.AuthUserChangePasswordRequest.$Shape} AuthUserChangePasswordRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthUserChangePasswordRequest & etcdserverpb.AuthUserChangePasswordRequest.$Shape;

        /**
         * Creates an AuthUserChangePasswordRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthUserChangePasswordRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthUserChangePasswordRequest;

        /**
         * Creates a plain object from an AuthUserChangePasswordRequest message. Also converts values to other types if specified.
         * @param m AuthUserChangePasswordRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthUserChangePasswordRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserChangePasswordRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthUserChangePasswordRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserChangePasswordRequest {

        /** Properties of an AuthUserChangePasswordRequest. */
        interface $Properties {

            /** AuthUserChangePasswordRequest name */
            name?: (string|null);

            /** AuthUserChangePasswordRequest password */
            password?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserChangePasswordRequest. */
        type $Shape = etcdserverpb.AuthUserChangePasswordRequest.$Properties;
    }

    /**
     * Properties of an AuthUserGrantRoleRequest.
     * @deprecated Use etcdserverpb.AuthUserGrantRoleRequest.$Properties instead.
     */
    interface IAuthUserGrantRoleRequest extends etcdserverpb.AuthUserGrantRoleRequest.$Properties {
    }

    /** Represents an AuthUserGrantRoleRequest. */
    class AuthUserGrantRoleRequest {

        /**
         * Constructs a new AuthUserGrantRoleRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthUserGrantRoleRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserGrantRoleRequest user. */
        user: string;

        /** AuthUserGrantRoleRequest role. */
        role: string;

        /**
         * Creates a new AuthUserGrantRoleRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserGrantRoleRequest instance
         */
        static create(properties: etcdserverpb.AuthUserGrantRoleRequest.$Shape): etcdserverpb.AuthUserGrantRoleRequest & etcdserverpb.AuthUserGrantRoleRequest.$Shape;
        static create(properties?: etcdserverpb.AuthUserGrantRoleRequest.$Properties): etcdserverpb.AuthUserGrantRoleRequest;

        /**
         * Encodes the specified AuthUserGrantRoleRequest message. Does not implicitly {@link etcdserverpb.AuthUserGrantRoleRequest.verify|verify} messages.
         * @param m AuthUserGrantRoleRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthUserGrantRoleRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserGrantRoleRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserGrantRoleRequest & etcdserverpb.AuthUserGrantRoleRequest.$Shape} AuthUserGrantRoleRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthUserGrantRoleRequest & etcdserverpb.AuthUserGrantRoleRequest.$Shape;

        /**
         * Creates an AuthUserGrantRoleRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthUserGrantRoleRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthUserGrantRoleRequest;

        /**
         * Creates a plain object from an AuthUserGrantRoleRequest message. Also converts values to other types if specified.
         * @param m AuthUserGrantRoleRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthUserGrantRoleRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserGrantRoleRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthUserGrantRoleRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserGrantRoleRequest {

        /** Properties of an AuthUserGrantRoleRequest. */
        interface $Properties {

            /** AuthUserGrantRoleRequest user */
            user?: (string|null);

            /** AuthUserGrantRoleRequest role */
            role?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserGrantRoleRequest. */
        type $Shape = etcdserverpb.AuthUserGrantRoleRequest.$Properties;
    }

    /**
     * Properties of an AuthUserRevokeRoleRequest.
     * @deprecated Use etcdserverpb.AuthUserRevokeRoleRequest.$Properties instead.
     */
    interface IAuthUserRevokeRoleRequest extends etcdserverpb.AuthUserRevokeRoleRequest.$Properties {
    }

    /** Represents an AuthUserRevokeRoleRequest. */
    class AuthUserRevokeRoleRequest {

        /**
         * Constructs a new AuthUserRevokeRoleRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthUserRevokeRoleRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserRevokeRoleRequest name. */
        name: string;

        /** AuthUserRevokeRoleRequest role. */
        role: string;

        /**
         * Creates a new AuthUserRevokeRoleRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserRevokeRoleRequest instance
         */
        static create(properties: etcdserverpb.AuthUserRevokeRoleRequest.$Shape): etcdserverpb.AuthUserRevokeRoleRequest & etcdserverpb.AuthUserRevokeRoleRequest.$Shape;
        static create(properties?: etcdserverpb.AuthUserRevokeRoleRequest.$Properties): etcdserverpb.AuthUserRevokeRoleRequest;

        /**
         * Encodes the specified AuthUserRevokeRoleRequest message. Does not implicitly {@link etcdserverpb.AuthUserRevokeRoleRequest.verify|verify} messages.
         * @param m AuthUserRevokeRoleRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthUserRevokeRoleRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserRevokeRoleRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserRevokeRoleRequest & etcdserverpb.AuthUserRevokeRoleRequest.$Shape} AuthUserRevokeRoleRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthUserRevokeRoleRequest & etcdserverpb.AuthUserRevokeRoleRequest.$Shape;

        /**
         * Creates an AuthUserRevokeRoleRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthUserRevokeRoleRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthUserRevokeRoleRequest;

        /**
         * Creates a plain object from an AuthUserRevokeRoleRequest message. Also converts values to other types if specified.
         * @param m AuthUserRevokeRoleRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthUserRevokeRoleRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserRevokeRoleRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthUserRevokeRoleRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserRevokeRoleRequest {

        /** Properties of an AuthUserRevokeRoleRequest. */
        interface $Properties {

            /** AuthUserRevokeRoleRequest name */
            name?: (string|null);

            /** AuthUserRevokeRoleRequest role */
            role?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserRevokeRoleRequest. */
        type $Shape = etcdserverpb.AuthUserRevokeRoleRequest.$Properties;
    }

    /**
     * Properties of an AuthRoleAddRequest.
     * @deprecated Use etcdserverpb.AuthRoleAddRequest.$Properties instead.
     */
    interface IAuthRoleAddRequest extends etcdserverpb.AuthRoleAddRequest.$Properties {
    }

    /** Represents an AuthRoleAddRequest. */
    class AuthRoleAddRequest {

        /**
         * Constructs a new AuthRoleAddRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthRoleAddRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleAddRequest name. */
        name: string;

        /**
         * Creates a new AuthRoleAddRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleAddRequest instance
         */
        static create(properties: etcdserverpb.AuthRoleAddRequest.$Shape): etcdserverpb.AuthRoleAddRequest & etcdserverpb.AuthRoleAddRequest.$Shape;
        static create(properties?: etcdserverpb.AuthRoleAddRequest.$Properties): etcdserverpb.AuthRoleAddRequest;

        /**
         * Encodes the specified AuthRoleAddRequest message. Does not implicitly {@link etcdserverpb.AuthRoleAddRequest.verify|verify} messages.
         * @param m AuthRoleAddRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthRoleAddRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleAddRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleAddRequest & etcdserverpb.AuthRoleAddRequest.$Shape} AuthRoleAddRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthRoleAddRequest & etcdserverpb.AuthRoleAddRequest.$Shape;

        /**
         * Creates an AuthRoleAddRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthRoleAddRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthRoleAddRequest;

        /**
         * Creates a plain object from an AuthRoleAddRequest message. Also converts values to other types if specified.
         * @param m AuthRoleAddRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthRoleAddRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleAddRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthRoleAddRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleAddRequest {

        /** Properties of an AuthRoleAddRequest. */
        interface $Properties {

            /** AuthRoleAddRequest name */
            name?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleAddRequest. */
        type $Shape = etcdserverpb.AuthRoleAddRequest.$Properties;
    }

    /**
     * Properties of an AuthRoleGetRequest.
     * @deprecated Use etcdserverpb.AuthRoleGetRequest.$Properties instead.
     */
    interface IAuthRoleGetRequest extends etcdserverpb.AuthRoleGetRequest.$Properties {
    }

    /** Represents an AuthRoleGetRequest. */
    class AuthRoleGetRequest {

        /**
         * Constructs a new AuthRoleGetRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthRoleGetRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleGetRequest role. */
        role: string;

        /**
         * Creates a new AuthRoleGetRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleGetRequest instance
         */
        static create(properties: etcdserverpb.AuthRoleGetRequest.$Shape): etcdserverpb.AuthRoleGetRequest & etcdserverpb.AuthRoleGetRequest.$Shape;
        static create(properties?: etcdserverpb.AuthRoleGetRequest.$Properties): etcdserverpb.AuthRoleGetRequest;

        /**
         * Encodes the specified AuthRoleGetRequest message. Does not implicitly {@link etcdserverpb.AuthRoleGetRequest.verify|verify} messages.
         * @param m AuthRoleGetRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthRoleGetRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleGetRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleGetRequest & etcdserverpb.AuthRoleGetRequest.$Shape} AuthRoleGetRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthRoleGetRequest & etcdserverpb.AuthRoleGetRequest.$Shape;

        /**
         * Creates an AuthRoleGetRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthRoleGetRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthRoleGetRequest;

        /**
         * Creates a plain object from an AuthRoleGetRequest message. Also converts values to other types if specified.
         * @param m AuthRoleGetRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthRoleGetRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleGetRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthRoleGetRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleGetRequest {

        /** Properties of an AuthRoleGetRequest. */
        interface $Properties {

            /** AuthRoleGetRequest role */
            role?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleGetRequest. */
        type $Shape = etcdserverpb.AuthRoleGetRequest.$Properties;
    }

    /**
     * Properties of an AuthUserListRequest.
     * @deprecated Use etcdserverpb.AuthUserListRequest.$Properties instead.
     */
    interface IAuthUserListRequest extends etcdserverpb.AuthUserListRequest.$Properties {
    }

    /** Represents an AuthUserListRequest. */
    class AuthUserListRequest {

        /**
         * Constructs a new AuthUserListRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthUserListRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new AuthUserListRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserListRequest instance
         */
        static create(properties: etcdserverpb.AuthUserListRequest.$Shape): etcdserverpb.AuthUserListRequest & etcdserverpb.AuthUserListRequest.$Shape;
        static create(properties?: etcdserverpb.AuthUserListRequest.$Properties): etcdserverpb.AuthUserListRequest;

        /**
         * Encodes the specified AuthUserListRequest message. Does not implicitly {@link etcdserverpb.AuthUserListRequest.verify|verify} messages.
         * @param m AuthUserListRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthUserListRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserListRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserListRequest & etcdserverpb.AuthUserListRequest.$Shape} AuthUserListRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthUserListRequest & etcdserverpb.AuthUserListRequest.$Shape;

        /**
         * Creates an AuthUserListRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthUserListRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthUserListRequest;

        /**
         * Creates a plain object from an AuthUserListRequest message. Also converts values to other types if specified.
         * @param m AuthUserListRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthUserListRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserListRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthUserListRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserListRequest {

        /** Properties of an AuthUserListRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserListRequest. */
        type $Shape = etcdserverpb.AuthUserListRequest.$Properties;
    }

    /**
     * Properties of an AuthRoleListRequest.
     * @deprecated Use etcdserverpb.AuthRoleListRequest.$Properties instead.
     */
    interface IAuthRoleListRequest extends etcdserverpb.AuthRoleListRequest.$Properties {
    }

    /** Represents an AuthRoleListRequest. */
    class AuthRoleListRequest {

        /**
         * Constructs a new AuthRoleListRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthRoleListRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new AuthRoleListRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleListRequest instance
         */
        static create(properties: etcdserverpb.AuthRoleListRequest.$Shape): etcdserverpb.AuthRoleListRequest & etcdserverpb.AuthRoleListRequest.$Shape;
        static create(properties?: etcdserverpb.AuthRoleListRequest.$Properties): etcdserverpb.AuthRoleListRequest;

        /**
         * Encodes the specified AuthRoleListRequest message. Does not implicitly {@link etcdserverpb.AuthRoleListRequest.verify|verify} messages.
         * @param m AuthRoleListRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthRoleListRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleListRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleListRequest & etcdserverpb.AuthRoleListRequest.$Shape} AuthRoleListRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthRoleListRequest & etcdserverpb.AuthRoleListRequest.$Shape;

        /**
         * Creates an AuthRoleListRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthRoleListRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthRoleListRequest;

        /**
         * Creates a plain object from an AuthRoleListRequest message. Also converts values to other types if specified.
         * @param m AuthRoleListRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthRoleListRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleListRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthRoleListRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleListRequest {

        /** Properties of an AuthRoleListRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleListRequest. */
        type $Shape = etcdserverpb.AuthRoleListRequest.$Properties;
    }

    /**
     * Properties of an AuthRoleDeleteRequest.
     * @deprecated Use etcdserverpb.AuthRoleDeleteRequest.$Properties instead.
     */
    interface IAuthRoleDeleteRequest extends etcdserverpb.AuthRoleDeleteRequest.$Properties {
    }

    /** Represents an AuthRoleDeleteRequest. */
    class AuthRoleDeleteRequest {

        /**
         * Constructs a new AuthRoleDeleteRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthRoleDeleteRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleDeleteRequest role. */
        role: string;

        /**
         * Creates a new AuthRoleDeleteRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleDeleteRequest instance
         */
        static create(properties: etcdserverpb.AuthRoleDeleteRequest.$Shape): etcdserverpb.AuthRoleDeleteRequest & etcdserverpb.AuthRoleDeleteRequest.$Shape;
        static create(properties?: etcdserverpb.AuthRoleDeleteRequest.$Properties): etcdserverpb.AuthRoleDeleteRequest;

        /**
         * Encodes the specified AuthRoleDeleteRequest message. Does not implicitly {@link etcdserverpb.AuthRoleDeleteRequest.verify|verify} messages.
         * @param m AuthRoleDeleteRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthRoleDeleteRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleDeleteRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleDeleteRequest & etcdserverpb.AuthRoleDeleteRequest.$Shape} AuthRoleDeleteRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthRoleDeleteRequest & etcdserverpb.AuthRoleDeleteRequest.$Shape;

        /**
         * Creates an AuthRoleDeleteRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthRoleDeleteRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthRoleDeleteRequest;

        /**
         * Creates a plain object from an AuthRoleDeleteRequest message. Also converts values to other types if specified.
         * @param m AuthRoleDeleteRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthRoleDeleteRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleDeleteRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthRoleDeleteRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleDeleteRequest {

        /** Properties of an AuthRoleDeleteRequest. */
        interface $Properties {

            /** AuthRoleDeleteRequest role */
            role?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleDeleteRequest. */
        type $Shape = etcdserverpb.AuthRoleDeleteRequest.$Properties;
    }

    /**
     * Properties of an AuthRoleGrantPermissionRequest.
     * @deprecated Use etcdserverpb.AuthRoleGrantPermissionRequest.$Properties instead.
     */
    interface IAuthRoleGrantPermissionRequest extends etcdserverpb.AuthRoleGrantPermissionRequest.$Properties {
    }

    /** Represents an AuthRoleGrantPermissionRequest. */
    class AuthRoleGrantPermissionRequest {

        /**
         * Constructs a new AuthRoleGrantPermissionRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthRoleGrantPermissionRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleGrantPermissionRequest name. */
        name: string;

        /** AuthRoleGrantPermissionRequest perm. */
        perm?: (authpb.Permission.$Properties|null);

        /**
         * Creates a new AuthRoleGrantPermissionRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleGrantPermissionRequest instance
         */
        static create(properties: etcdserverpb.AuthRoleGrantPermissionRequest.$Shape): etcdserverpb.AuthRoleGrantPermissionRequest & etcdserverpb.AuthRoleGrantPermissionRequest.$Shape;
        static create(properties?: etcdserverpb.AuthRoleGrantPermissionRequest.$Properties): etcdserverpb.AuthRoleGrantPermissionRequest;

        /**
         * Encodes the specified AuthRoleGrantPermissionRequest message. Does not implicitly {@link etcdserverpb.AuthRoleGrantPermissionRequest.verify|verify} messages.
         * @param m AuthRoleGrantPermissionRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthRoleGrantPermissionRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleGrantPermissionRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleGrantPermissionRequest & etcdserverpb.AuthRoleGrantPermissionRequest.$Shape} AuthRoleGrantPermissionRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthRoleGrantPermissionRequest & etcdserverpb.AuthRoleGrantPermissionRequest.$Shape;

        /**
         * Creates an AuthRoleGrantPermissionRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthRoleGrantPermissionRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthRoleGrantPermissionRequest;

        /**
         * Creates a plain object from an AuthRoleGrantPermissionRequest message. Also converts values to other types if specified.
         * @param m AuthRoleGrantPermissionRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthRoleGrantPermissionRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleGrantPermissionRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthRoleGrantPermissionRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleGrantPermissionRequest {

        /** Properties of an AuthRoleGrantPermissionRequest. */
        interface $Properties {

            /** AuthRoleGrantPermissionRequest name */
            name?: (string|null);

            /** AuthRoleGrantPermissionRequest perm */
            perm?: (authpb.Permission.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleGrantPermissionRequest. */
        type $Shape = etcdserverpb.AuthRoleGrantPermissionRequest.$Properties;
    }

    /**
     * Properties of an AuthRoleRevokePermissionRequest.
     * @deprecated Use etcdserverpb.AuthRoleRevokePermissionRequest.$Properties instead.
     */
    interface IAuthRoleRevokePermissionRequest extends etcdserverpb.AuthRoleRevokePermissionRequest.$Properties {
    }

    /** Represents an AuthRoleRevokePermissionRequest. */
    class AuthRoleRevokePermissionRequest {

        /**
         * Constructs a new AuthRoleRevokePermissionRequest.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthRoleRevokePermissionRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleRevokePermissionRequest role. */
        role: string;

        /** AuthRoleRevokePermissionRequest key. */
        key: Uint8Array;

        /** AuthRoleRevokePermissionRequest range_end. */
        range_end: Uint8Array;

        /**
         * Creates a new AuthRoleRevokePermissionRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleRevokePermissionRequest instance
         */
        static create(properties: etcdserverpb.AuthRoleRevokePermissionRequest.$Shape): etcdserverpb.AuthRoleRevokePermissionRequest & etcdserverpb.AuthRoleRevokePermissionRequest.$Shape;
        static create(properties?: etcdserverpb.AuthRoleRevokePermissionRequest.$Properties): etcdserverpb.AuthRoleRevokePermissionRequest;

        /**
         * Encodes the specified AuthRoleRevokePermissionRequest message. Does not implicitly {@link etcdserverpb.AuthRoleRevokePermissionRequest.verify|verify} messages.
         * @param m AuthRoleRevokePermissionRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthRoleRevokePermissionRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleRevokePermissionRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleRevokePermissionRequest & etcdserverpb.AuthRoleRevokePermissionRequest.$Shape} AuthRoleRevokePermissionRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthRoleRevokePermissionRequest & etcdserverpb.AuthRoleRevokePermissionRequest.$Shape;

        /**
         * Creates an AuthRoleRevokePermissionRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthRoleRevokePermissionRequest
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthRoleRevokePermissionRequest;

        /**
         * Creates a plain object from an AuthRoleRevokePermissionRequest message. Also converts values to other types if specified.
         * @param m AuthRoleRevokePermissionRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthRoleRevokePermissionRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleRevokePermissionRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthRoleRevokePermissionRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleRevokePermissionRequest {

        /** Properties of an AuthRoleRevokePermissionRequest. */
        interface $Properties {

            /** AuthRoleRevokePermissionRequest role */
            role?: (string|null);

            /** AuthRoleRevokePermissionRequest key */
            key?: (Uint8Array|null);

            /** AuthRoleRevokePermissionRequest range_end */
            range_end?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleRevokePermissionRequest. */
        type $Shape = etcdserverpb.AuthRoleRevokePermissionRequest.$Properties;
    }

    /**
     * Properties of an AuthEnableResponse.
     * @deprecated Use etcdserverpb.AuthEnableResponse.$Properties instead.
     */
    interface IAuthEnableResponse extends etcdserverpb.AuthEnableResponse.$Properties {
    }

    /** Represents an AuthEnableResponse. */
    class AuthEnableResponse {

        /**
         * Constructs a new AuthEnableResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthEnableResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthEnableResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthEnableResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthEnableResponse instance
         */
        static create(properties: etcdserverpb.AuthEnableResponse.$Shape): etcdserverpb.AuthEnableResponse & etcdserverpb.AuthEnableResponse.$Shape;
        static create(properties?: etcdserverpb.AuthEnableResponse.$Properties): etcdserverpb.AuthEnableResponse;

        /**
         * Encodes the specified AuthEnableResponse message. Does not implicitly {@link etcdserverpb.AuthEnableResponse.verify|verify} messages.
         * @param m AuthEnableResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthEnableResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthEnableResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthEnableResponse & etcdserverpb.AuthEnableResponse.$Shape} AuthEnableResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthEnableResponse & etcdserverpb.AuthEnableResponse.$Shape;

        /**
         * Creates an AuthEnableResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthEnableResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthEnableResponse;

        /**
         * Creates a plain object from an AuthEnableResponse message. Also converts values to other types if specified.
         * @param m AuthEnableResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthEnableResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthEnableResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthEnableResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthEnableResponse {

        /** Properties of an AuthEnableResponse. */
        interface $Properties {

            /** AuthEnableResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthEnableResponse. */
        type $Shape = etcdserverpb.AuthEnableResponse.$Properties;
    }

    /**
     * Properties of an AuthDisableResponse.
     * @deprecated Use etcdserverpb.AuthDisableResponse.$Properties instead.
     */
    interface IAuthDisableResponse extends etcdserverpb.AuthDisableResponse.$Properties {
    }

    /** Represents an AuthDisableResponse. */
    class AuthDisableResponse {

        /**
         * Constructs a new AuthDisableResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthDisableResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthDisableResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthDisableResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthDisableResponse instance
         */
        static create(properties: etcdserverpb.AuthDisableResponse.$Shape): etcdserverpb.AuthDisableResponse & etcdserverpb.AuthDisableResponse.$Shape;
        static create(properties?: etcdserverpb.AuthDisableResponse.$Properties): etcdserverpb.AuthDisableResponse;

        /**
         * Encodes the specified AuthDisableResponse message. Does not implicitly {@link etcdserverpb.AuthDisableResponse.verify|verify} messages.
         * @param m AuthDisableResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthDisableResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthDisableResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthDisableResponse & etcdserverpb.AuthDisableResponse.$Shape} AuthDisableResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthDisableResponse & etcdserverpb.AuthDisableResponse.$Shape;

        /**
         * Creates an AuthDisableResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthDisableResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthDisableResponse;

        /**
         * Creates a plain object from an AuthDisableResponse message. Also converts values to other types if specified.
         * @param m AuthDisableResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthDisableResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthDisableResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthDisableResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthDisableResponse {

        /** Properties of an AuthDisableResponse. */
        interface $Properties {

            /** AuthDisableResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthDisableResponse. */
        type $Shape = etcdserverpb.AuthDisableResponse.$Properties;
    }

    /**
     * Properties of an AuthenticateResponse.
     * @deprecated Use etcdserverpb.AuthenticateResponse.$Properties instead.
     */
    interface IAuthenticateResponse extends etcdserverpb.AuthenticateResponse.$Properties {
    }

    /** Represents an AuthenticateResponse. */
    class AuthenticateResponse {

        /**
         * Constructs a new AuthenticateResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthenticateResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthenticateResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** AuthenticateResponse token. */
        token: string;

        /**
         * Creates a new AuthenticateResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthenticateResponse instance
         */
        static create(properties: etcdserverpb.AuthenticateResponse.$Shape): etcdserverpb.AuthenticateResponse & etcdserverpb.AuthenticateResponse.$Shape;
        static create(properties?: etcdserverpb.AuthenticateResponse.$Properties): etcdserverpb.AuthenticateResponse;

        /**
         * Encodes the specified AuthenticateResponse message. Does not implicitly {@link etcdserverpb.AuthenticateResponse.verify|verify} messages.
         * @param m AuthenticateResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthenticateResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthenticateResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthenticateResponse & etcdserverpb.AuthenticateResponse.$Shape} AuthenticateResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthenticateResponse & etcdserverpb.AuthenticateResponse.$Shape;

        /**
         * Creates an AuthenticateResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthenticateResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthenticateResponse;

        /**
         * Creates a plain object from an AuthenticateResponse message. Also converts values to other types if specified.
         * @param m AuthenticateResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthenticateResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthenticateResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthenticateResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthenticateResponse {

        /** Properties of an AuthenticateResponse. */
        interface $Properties {

            /** AuthenticateResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** AuthenticateResponse token */
            token?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthenticateResponse. */
        type $Shape = etcdserverpb.AuthenticateResponse.$Properties;
    }

    /**
     * Properties of an AuthUserAddResponse.
     * @deprecated Use etcdserverpb.AuthUserAddResponse.$Properties instead.
     */
    interface IAuthUserAddResponse extends etcdserverpb.AuthUserAddResponse.$Properties {
    }

    /** Represents an AuthUserAddResponse. */
    class AuthUserAddResponse {

        /**
         * Constructs a new AuthUserAddResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthUserAddResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserAddResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthUserAddResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserAddResponse instance
         */
        static create(properties: etcdserverpb.AuthUserAddResponse.$Shape): etcdserverpb.AuthUserAddResponse & etcdserverpb.AuthUserAddResponse.$Shape;
        static create(properties?: etcdserverpb.AuthUserAddResponse.$Properties): etcdserverpb.AuthUserAddResponse;

        /**
         * Encodes the specified AuthUserAddResponse message. Does not implicitly {@link etcdserverpb.AuthUserAddResponse.verify|verify} messages.
         * @param m AuthUserAddResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthUserAddResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserAddResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserAddResponse & etcdserverpb.AuthUserAddResponse.$Shape} AuthUserAddResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthUserAddResponse & etcdserverpb.AuthUserAddResponse.$Shape;

        /**
         * Creates an AuthUserAddResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthUserAddResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthUserAddResponse;

        /**
         * Creates a plain object from an AuthUserAddResponse message. Also converts values to other types if specified.
         * @param m AuthUserAddResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthUserAddResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserAddResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthUserAddResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserAddResponse {

        /** Properties of an AuthUserAddResponse. */
        interface $Properties {

            /** AuthUserAddResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserAddResponse. */
        type $Shape = etcdserverpb.AuthUserAddResponse.$Properties;
    }

    /**
     * Properties of an AuthUserGetResponse.
     * @deprecated Use etcdserverpb.AuthUserGetResponse.$Properties instead.
     */
    interface IAuthUserGetResponse extends etcdserverpb.AuthUserGetResponse.$Properties {
    }

    /** Represents an AuthUserGetResponse. */
    class AuthUserGetResponse {

        /**
         * Constructs a new AuthUserGetResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthUserGetResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserGetResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** AuthUserGetResponse roles. */
        roles: string[];

        /**
         * Creates a new AuthUserGetResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserGetResponse instance
         */
        static create(properties: etcdserverpb.AuthUserGetResponse.$Shape): etcdserverpb.AuthUserGetResponse & etcdserverpb.AuthUserGetResponse.$Shape;
        static create(properties?: etcdserverpb.AuthUserGetResponse.$Properties): etcdserverpb.AuthUserGetResponse;

        /**
         * Encodes the specified AuthUserGetResponse message. Does not implicitly {@link etcdserverpb.AuthUserGetResponse.verify|verify} messages.
         * @param m AuthUserGetResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthUserGetResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserGetResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserGetResponse & etcdserverpb.AuthUserGetResponse.$Shape} AuthUserGetResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthUserGetResponse & etcdserverpb.AuthUserGetResponse.$Shape;

        /**
         * Creates an AuthUserGetResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthUserGetResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthUserGetResponse;

        /**
         * Creates a plain object from an AuthUserGetResponse message. Also converts values to other types if specified.
         * @param m AuthUserGetResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthUserGetResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserGetResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthUserGetResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserGetResponse {

        /** Properties of an AuthUserGetResponse. */
        interface $Properties {

            /** AuthUserGetResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** AuthUserGetResponse roles */
            roles?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserGetResponse. */
        type $Shape = etcdserverpb.AuthUserGetResponse.$Properties;
    }

    /**
     * Properties of an AuthUserDeleteResponse.
     * @deprecated Use etcdserverpb.AuthUserDeleteResponse.$Properties instead.
     */
    interface IAuthUserDeleteResponse extends etcdserverpb.AuthUserDeleteResponse.$Properties {
    }

    /** Represents an AuthUserDeleteResponse. */
    class AuthUserDeleteResponse {

        /**
         * Constructs a new AuthUserDeleteResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthUserDeleteResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserDeleteResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthUserDeleteResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserDeleteResponse instance
         */
        static create(properties: etcdserverpb.AuthUserDeleteResponse.$Shape): etcdserverpb.AuthUserDeleteResponse & etcdserverpb.AuthUserDeleteResponse.$Shape;
        static create(properties?: etcdserverpb.AuthUserDeleteResponse.$Properties): etcdserverpb.AuthUserDeleteResponse;

        /**
         * Encodes the specified AuthUserDeleteResponse message. Does not implicitly {@link etcdserverpb.AuthUserDeleteResponse.verify|verify} messages.
         * @param m AuthUserDeleteResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthUserDeleteResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserDeleteResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserDeleteResponse & etcdserverpb.AuthUserDeleteResponse.$Shape} AuthUserDeleteResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthUserDeleteResponse & etcdserverpb.AuthUserDeleteResponse.$Shape;

        /**
         * Creates an AuthUserDeleteResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthUserDeleteResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthUserDeleteResponse;

        /**
         * Creates a plain object from an AuthUserDeleteResponse message. Also converts values to other types if specified.
         * @param m AuthUserDeleteResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthUserDeleteResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserDeleteResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthUserDeleteResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserDeleteResponse {

        /** Properties of an AuthUserDeleteResponse. */
        interface $Properties {

            /** AuthUserDeleteResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserDeleteResponse. */
        type $Shape = etcdserverpb.AuthUserDeleteResponse.$Properties;
    }

    /**
     * Properties of an AuthUserChangePasswordResponse.
     * @deprecated Use etcdserverpb.AuthUserChangePasswordResponse.$Properties instead.
     */
    interface IAuthUserChangePasswordResponse extends etcdserverpb.AuthUserChangePasswordResponse.$Properties {
    }

    /** Represents an AuthUserChangePasswordResponse. */
    class AuthUserChangePasswordResponse {

        /**
         * Constructs a new AuthUserChangePasswordResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthUserChangePasswordResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserChangePasswordResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthUserChangePasswordResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserChangePasswordResponse instance
         */
        static create(properties: etcdserverpb.AuthUserChangePasswordResponse.$Shape): etcdserverpb.AuthUserChangePasswordResponse & etcdserverpb.AuthUserChangePasswordResponse.$Shape;
        static create(properties?: etcdserverpb.AuthUserChangePasswordResponse.$Properties): etcdserverpb.AuthUserChangePasswordResponse;

        /**
         * Encodes the specified AuthUserChangePasswordResponse message. Does not implicitly {@link etcdserverpb.AuthUserChangePasswordResponse.verify|verify} messages.
         * @param m AuthUserChangePasswordResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthUserChangePasswordResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserChangePasswordResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserChangePasswordResponse & etcdserverpb.AuthUserChangePasswordResponse.$Shape} AuthUserChangePasswordResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthUserChangePasswordResponse & etcdserverpb.AuthUserChangePasswordResponse.$Shape;

        /**
         * Creates an AuthUserChangePasswordResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthUserChangePasswordResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthUserChangePasswordResponse;

        /**
         * Creates a plain object from an AuthUserChangePasswordResponse message. Also converts values to other types if specified.
         * @param m AuthUserChangePasswordResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthUserChangePasswordResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserChangePasswordResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthUserChangePasswordResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserChangePasswordResponse {

        /** Properties of an AuthUserChangePasswordResponse. */
        interface $Properties {

            /** AuthUserChangePasswordResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserChangePasswordResponse. */
        type $Shape = etcdserverpb.AuthUserChangePasswordResponse.$Properties;
    }

    /**
     * Properties of an AuthUserGrantRoleResponse.
     * @deprecated Use etcdserverpb.AuthUserGrantRoleResponse.$Properties instead.
     */
    interface IAuthUserGrantRoleResponse extends etcdserverpb.AuthUserGrantRoleResponse.$Properties {
    }

    /** Represents an AuthUserGrantRoleResponse. */
    class AuthUserGrantRoleResponse {

        /**
         * Constructs a new AuthUserGrantRoleResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthUserGrantRoleResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserGrantRoleResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthUserGrantRoleResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserGrantRoleResponse instance
         */
        static create(properties: etcdserverpb.AuthUserGrantRoleResponse.$Shape): etcdserverpb.AuthUserGrantRoleResponse & etcdserverpb.AuthUserGrantRoleResponse.$Shape;
        static create(properties?: etcdserverpb.AuthUserGrantRoleResponse.$Properties): etcdserverpb.AuthUserGrantRoleResponse;

        /**
         * Encodes the specified AuthUserGrantRoleResponse message. Does not implicitly {@link etcdserverpb.AuthUserGrantRoleResponse.verify|verify} messages.
         * @param m AuthUserGrantRoleResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthUserGrantRoleResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserGrantRoleResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserGrantRoleResponse & etcdserverpb.AuthUserGrantRoleResponse.$Shape} AuthUserGrantRoleResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthUserGrantRoleResponse & etcdserverpb.AuthUserGrantRoleResponse.$Shape;

        /**
         * Creates an AuthUserGrantRoleResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthUserGrantRoleResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthUserGrantRoleResponse;

        /**
         * Creates a plain object from an AuthUserGrantRoleResponse message. Also converts values to other types if specified.
         * @param m AuthUserGrantRoleResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthUserGrantRoleResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserGrantRoleResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthUserGrantRoleResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserGrantRoleResponse {

        /** Properties of an AuthUserGrantRoleResponse. */
        interface $Properties {

            /** AuthUserGrantRoleResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserGrantRoleResponse. */
        type $Shape = etcdserverpb.AuthUserGrantRoleResponse.$Properties;
    }

    /**
     * Properties of an AuthUserRevokeRoleResponse.
     * @deprecated Use etcdserverpb.AuthUserRevokeRoleResponse.$Properties instead.
     */
    interface IAuthUserRevokeRoleResponse extends etcdserverpb.AuthUserRevokeRoleResponse.$Properties {
    }

    /** Represents an AuthUserRevokeRoleResponse. */
    class AuthUserRevokeRoleResponse {

        /**
         * Constructs a new AuthUserRevokeRoleResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthUserRevokeRoleResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserRevokeRoleResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthUserRevokeRoleResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserRevokeRoleResponse instance
         */
        static create(properties: etcdserverpb.AuthUserRevokeRoleResponse.$Shape): etcdserverpb.AuthUserRevokeRoleResponse & etcdserverpb.AuthUserRevokeRoleResponse.$Shape;
        static create(properties?: etcdserverpb.AuthUserRevokeRoleResponse.$Properties): etcdserverpb.AuthUserRevokeRoleResponse;

        /**
         * Encodes the specified AuthUserRevokeRoleResponse message. Does not implicitly {@link etcdserverpb.AuthUserRevokeRoleResponse.verify|verify} messages.
         * @param m AuthUserRevokeRoleResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthUserRevokeRoleResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserRevokeRoleResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserRevokeRoleResponse & etcdserverpb.AuthUserRevokeRoleResponse.$Shape} AuthUserRevokeRoleResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthUserRevokeRoleResponse & etcdserverpb.AuthUserRevokeRoleResponse.$Shape;

        /**
         * Creates an AuthUserRevokeRoleResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthUserRevokeRoleResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthUserRevokeRoleResponse;

        /**
         * Creates a plain object from an AuthUserRevokeRoleResponse message. Also converts values to other types if specified.
         * @param m AuthUserRevokeRoleResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthUserRevokeRoleResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserRevokeRoleResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthUserRevokeRoleResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserRevokeRoleResponse {

        /** Properties of an AuthUserRevokeRoleResponse. */
        interface $Properties {

            /** AuthUserRevokeRoleResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserRevokeRoleResponse. */
        type $Shape = etcdserverpb.AuthUserRevokeRoleResponse.$Properties;
    }

    /**
     * Properties of an AuthRoleAddResponse.
     * @deprecated Use etcdserverpb.AuthRoleAddResponse.$Properties instead.
     */
    interface IAuthRoleAddResponse extends etcdserverpb.AuthRoleAddResponse.$Properties {
    }

    /** Represents an AuthRoleAddResponse. */
    class AuthRoleAddResponse {

        /**
         * Constructs a new AuthRoleAddResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthRoleAddResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleAddResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthRoleAddResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleAddResponse instance
         */
        static create(properties: etcdserverpb.AuthRoleAddResponse.$Shape): etcdserverpb.AuthRoleAddResponse & etcdserverpb.AuthRoleAddResponse.$Shape;
        static create(properties?: etcdserverpb.AuthRoleAddResponse.$Properties): etcdserverpb.AuthRoleAddResponse;

        /**
         * Encodes the specified AuthRoleAddResponse message. Does not implicitly {@link etcdserverpb.AuthRoleAddResponse.verify|verify} messages.
         * @param m AuthRoleAddResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthRoleAddResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleAddResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleAddResponse & etcdserverpb.AuthRoleAddResponse.$Shape} AuthRoleAddResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthRoleAddResponse & etcdserverpb.AuthRoleAddResponse.$Shape;

        /**
         * Creates an AuthRoleAddResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthRoleAddResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthRoleAddResponse;

        /**
         * Creates a plain object from an AuthRoleAddResponse message. Also converts values to other types if specified.
         * @param m AuthRoleAddResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthRoleAddResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleAddResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthRoleAddResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleAddResponse {

        /** Properties of an AuthRoleAddResponse. */
        interface $Properties {

            /** AuthRoleAddResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleAddResponse. */
        type $Shape = etcdserverpb.AuthRoleAddResponse.$Properties;
    }

    /**
     * Properties of an AuthRoleGetResponse.
     * @deprecated Use etcdserverpb.AuthRoleGetResponse.$Properties instead.
     */
    interface IAuthRoleGetResponse extends etcdserverpb.AuthRoleGetResponse.$Properties {
    }

    /** Represents an AuthRoleGetResponse. */
    class AuthRoleGetResponse {

        /**
         * Constructs a new AuthRoleGetResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthRoleGetResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleGetResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** AuthRoleGetResponse perm. */
        perm: authpb.Permission.$Properties[];

        /**
         * Creates a new AuthRoleGetResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleGetResponse instance
         */
        static create(properties: etcdserverpb.AuthRoleGetResponse.$Shape): etcdserverpb.AuthRoleGetResponse & etcdserverpb.AuthRoleGetResponse.$Shape;
        static create(properties?: etcdserverpb.AuthRoleGetResponse.$Properties): etcdserverpb.AuthRoleGetResponse;

        /**
         * Encodes the specified AuthRoleGetResponse message. Does not implicitly {@link etcdserverpb.AuthRoleGetResponse.verify|verify} messages.
         * @param m AuthRoleGetResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthRoleGetResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleGetResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleGetResponse & etcdserverpb.AuthRoleGetResponse.$Shape} AuthRoleGetResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthRoleGetResponse & etcdserverpb.AuthRoleGetResponse.$Shape;

        /**
         * Creates an AuthRoleGetResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthRoleGetResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthRoleGetResponse;

        /**
         * Creates a plain object from an AuthRoleGetResponse message. Also converts values to other types if specified.
         * @param m AuthRoleGetResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthRoleGetResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleGetResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthRoleGetResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleGetResponse {

        /** Properties of an AuthRoleGetResponse. */
        interface $Properties {

            /** AuthRoleGetResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** AuthRoleGetResponse perm */
            perm?: (authpb.Permission.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleGetResponse. */
        type $Shape = etcdserverpb.AuthRoleGetResponse.$Properties;
    }

    /**
     * Properties of an AuthRoleListResponse.
     * @deprecated Use etcdserverpb.AuthRoleListResponse.$Properties instead.
     */
    interface IAuthRoleListResponse extends etcdserverpb.AuthRoleListResponse.$Properties {
    }

    /** Represents an AuthRoleListResponse. */
    class AuthRoleListResponse {

        /**
         * Constructs a new AuthRoleListResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthRoleListResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleListResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** AuthRoleListResponse roles. */
        roles: string[];

        /**
         * Creates a new AuthRoleListResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleListResponse instance
         */
        static create(properties: etcdserverpb.AuthRoleListResponse.$Shape): etcdserverpb.AuthRoleListResponse & etcdserverpb.AuthRoleListResponse.$Shape;
        static create(properties?: etcdserverpb.AuthRoleListResponse.$Properties): etcdserverpb.AuthRoleListResponse;

        /**
         * Encodes the specified AuthRoleListResponse message. Does not implicitly {@link etcdserverpb.AuthRoleListResponse.verify|verify} messages.
         * @param m AuthRoleListResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthRoleListResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleListResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleListResponse & etcdserverpb.AuthRoleListResponse.$Shape} AuthRoleListResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthRoleListResponse & etcdserverpb.AuthRoleListResponse.$Shape;

        /**
         * Creates an AuthRoleListResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthRoleListResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthRoleListResponse;

        /**
         * Creates a plain object from an AuthRoleListResponse message. Also converts values to other types if specified.
         * @param m AuthRoleListResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthRoleListResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleListResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthRoleListResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleListResponse {

        /** Properties of an AuthRoleListResponse. */
        interface $Properties {

            /** AuthRoleListResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** AuthRoleListResponse roles */
            roles?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleListResponse. */
        type $Shape = etcdserverpb.AuthRoleListResponse.$Properties;
    }

    /**
     * Properties of an AuthUserListResponse.
     * @deprecated Use etcdserverpb.AuthUserListResponse.$Properties instead.
     */
    interface IAuthUserListResponse extends etcdserverpb.AuthUserListResponse.$Properties {
    }

    /** Represents an AuthUserListResponse. */
    class AuthUserListResponse {

        /**
         * Constructs a new AuthUserListResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthUserListResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserListResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** AuthUserListResponse users. */
        users: string[];

        /**
         * Creates a new AuthUserListResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserListResponse instance
         */
        static create(properties: etcdserverpb.AuthUserListResponse.$Shape): etcdserverpb.AuthUserListResponse & etcdserverpb.AuthUserListResponse.$Shape;
        static create(properties?: etcdserverpb.AuthUserListResponse.$Properties): etcdserverpb.AuthUserListResponse;

        /**
         * Encodes the specified AuthUserListResponse message. Does not implicitly {@link etcdserverpb.AuthUserListResponse.verify|verify} messages.
         * @param m AuthUserListResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthUserListResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserListResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserListResponse & etcdserverpb.AuthUserListResponse.$Shape} AuthUserListResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthUserListResponse & etcdserverpb.AuthUserListResponse.$Shape;

        /**
         * Creates an AuthUserListResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthUserListResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthUserListResponse;

        /**
         * Creates a plain object from an AuthUserListResponse message. Also converts values to other types if specified.
         * @param m AuthUserListResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthUserListResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserListResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthUserListResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserListResponse {

        /** Properties of an AuthUserListResponse. */
        interface $Properties {

            /** AuthUserListResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** AuthUserListResponse users */
            users?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserListResponse. */
        type $Shape = etcdserverpb.AuthUserListResponse.$Properties;
    }

    /**
     * Properties of an AuthRoleDeleteResponse.
     * @deprecated Use etcdserverpb.AuthRoleDeleteResponse.$Properties instead.
     */
    interface IAuthRoleDeleteResponse extends etcdserverpb.AuthRoleDeleteResponse.$Properties {
    }

    /** Represents an AuthRoleDeleteResponse. */
    class AuthRoleDeleteResponse {

        /**
         * Constructs a new AuthRoleDeleteResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthRoleDeleteResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleDeleteResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthRoleDeleteResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleDeleteResponse instance
         */
        static create(properties: etcdserverpb.AuthRoleDeleteResponse.$Shape): etcdserverpb.AuthRoleDeleteResponse & etcdserverpb.AuthRoleDeleteResponse.$Shape;
        static create(properties?: etcdserverpb.AuthRoleDeleteResponse.$Properties): etcdserverpb.AuthRoleDeleteResponse;

        /**
         * Encodes the specified AuthRoleDeleteResponse message. Does not implicitly {@link etcdserverpb.AuthRoleDeleteResponse.verify|verify} messages.
         * @param m AuthRoleDeleteResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthRoleDeleteResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleDeleteResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleDeleteResponse & etcdserverpb.AuthRoleDeleteResponse.$Shape} AuthRoleDeleteResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthRoleDeleteResponse & etcdserverpb.AuthRoleDeleteResponse.$Shape;

        /**
         * Creates an AuthRoleDeleteResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthRoleDeleteResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthRoleDeleteResponse;

        /**
         * Creates a plain object from an AuthRoleDeleteResponse message. Also converts values to other types if specified.
         * @param m AuthRoleDeleteResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthRoleDeleteResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleDeleteResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthRoleDeleteResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleDeleteResponse {

        /** Properties of an AuthRoleDeleteResponse. */
        interface $Properties {

            /** AuthRoleDeleteResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleDeleteResponse. */
        type $Shape = etcdserverpb.AuthRoleDeleteResponse.$Properties;
    }

    /**
     * Properties of an AuthRoleGrantPermissionResponse.
     * @deprecated Use etcdserverpb.AuthRoleGrantPermissionResponse.$Properties instead.
     */
    interface IAuthRoleGrantPermissionResponse extends etcdserverpb.AuthRoleGrantPermissionResponse.$Properties {
    }

    /** Represents an AuthRoleGrantPermissionResponse. */
    class AuthRoleGrantPermissionResponse {

        /**
         * Constructs a new AuthRoleGrantPermissionResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthRoleGrantPermissionResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleGrantPermissionResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthRoleGrantPermissionResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleGrantPermissionResponse instance
         */
        static create(properties: etcdserverpb.AuthRoleGrantPermissionResponse.$Shape): etcdserverpb.AuthRoleGrantPermissionResponse & etcdserverpb.AuthRoleGrantPermissionResponse.$Shape;
        static create(properties?: etcdserverpb.AuthRoleGrantPermissionResponse.$Properties): etcdserverpb.AuthRoleGrantPermissionResponse;

        /**
         * Encodes the specified AuthRoleGrantPermissionResponse message. Does not implicitly {@link etcdserverpb.AuthRoleGrantPermissionResponse.verify|verify} messages.
         * @param m AuthRoleGrantPermissionResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthRoleGrantPermissionResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleGrantPermissionResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleGrantPermissionResponse & etcdserverpb.AuthRoleGrantPermissionResponse.$Shape} AuthRoleGrantPermissionResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthRoleGrantPermissionResponse & etcdserverpb.AuthRoleGrantPermissionResponse.$Shape;

        /**
         * Creates an AuthRoleGrantPermissionResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthRoleGrantPermissionResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthRoleGrantPermissionResponse;

        /**
         * Creates a plain object from an AuthRoleGrantPermissionResponse message. Also converts values to other types if specified.
         * @param m AuthRoleGrantPermissionResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthRoleGrantPermissionResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleGrantPermissionResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthRoleGrantPermissionResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleGrantPermissionResponse {

        /** Properties of an AuthRoleGrantPermissionResponse. */
        interface $Properties {

            /** AuthRoleGrantPermissionResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleGrantPermissionResponse. */
        type $Shape = etcdserverpb.AuthRoleGrantPermissionResponse.$Properties;
    }

    /**
     * Properties of an AuthRoleRevokePermissionResponse.
     * @deprecated Use etcdserverpb.AuthRoleRevokePermissionResponse.$Properties instead.
     */
    interface IAuthRoleRevokePermissionResponse extends etcdserverpb.AuthRoleRevokePermissionResponse.$Properties {
    }

    /** Represents an AuthRoleRevokePermissionResponse. */
    class AuthRoleRevokePermissionResponse {

        /**
         * Constructs a new AuthRoleRevokePermissionResponse.
         * @param [p] Properties to set
         */
        constructor(p?: etcdserverpb.AuthRoleRevokePermissionResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleRevokePermissionResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthRoleRevokePermissionResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleRevokePermissionResponse instance
         */
        static create(properties: etcdserverpb.AuthRoleRevokePermissionResponse.$Shape): etcdserverpb.AuthRoleRevokePermissionResponse & etcdserverpb.AuthRoleRevokePermissionResponse.$Shape;
        static create(properties?: etcdserverpb.AuthRoleRevokePermissionResponse.$Properties): etcdserverpb.AuthRoleRevokePermissionResponse;

        /**
         * Encodes the specified AuthRoleRevokePermissionResponse message. Does not implicitly {@link etcdserverpb.AuthRoleRevokePermissionResponse.verify|verify} messages.
         * @param m AuthRoleRevokePermissionResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: etcdserverpb.AuthRoleRevokePermissionResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleRevokePermissionResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleRevokePermissionResponse & etcdserverpb.AuthRoleRevokePermissionResponse.$Shape} AuthRoleRevokePermissionResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): etcdserverpb.AuthRoleRevokePermissionResponse & etcdserverpb.AuthRoleRevokePermissionResponse.$Shape;

        /**
         * Creates an AuthRoleRevokePermissionResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns AuthRoleRevokePermissionResponse
         */
        static fromObject(d: { [k: string]: any }): etcdserverpb.AuthRoleRevokePermissionResponse;

        /**
         * Creates a plain object from an AuthRoleRevokePermissionResponse message. Also converts values to other types if specified.
         * @param m AuthRoleRevokePermissionResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: etcdserverpb.AuthRoleRevokePermissionResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleRevokePermissionResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AuthRoleRevokePermissionResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleRevokePermissionResponse {

        /** Properties of an AuthRoleRevokePermissionResponse. */
        interface $Properties {

            /** AuthRoleRevokePermissionResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleRevokePermissionResponse. */
        type $Shape = etcdserverpb.AuthRoleRevokePermissionResponse.$Properties;
    }
}

/** Namespace grpc. */
export namespace grpc {

    /** Namespace health. */
    namespace health {

        /** Namespace v1. */
        namespace v1 {

            /**
             * Properties of a HealthCheckRequest.
             * @deprecated Use grpc.health.v1.HealthCheckRequest.$Properties instead.
             */
            interface IHealthCheckRequest extends grpc.health.v1.HealthCheckRequest.$Properties {
            }

            /** Represents a HealthCheckRequest. */
            class HealthCheckRequest {

                /**
                 * Constructs a new HealthCheckRequest.
                 * @param [p] Properties to set
                 */
                constructor(p?: grpc.health.v1.HealthCheckRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** HealthCheckRequest service. */
                service: string;

                /**
                 * Creates a new HealthCheckRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns HealthCheckRequest instance
                 */
                static create(properties: grpc.health.v1.HealthCheckRequest.$Shape): grpc.health.v1.HealthCheckRequest & grpc.health.v1.HealthCheckRequest.$Shape;
                static create(properties?: grpc.health.v1.HealthCheckRequest.$Properties): grpc.health.v1.HealthCheckRequest;

                /**
                 * Encodes the specified HealthCheckRequest message. Does not implicitly {@link grpc.health.v1.HealthCheckRequest.verify|verify} messages.
                 * @param m HealthCheckRequest message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                static encode(m: grpc.health.v1.HealthCheckRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a HealthCheckRequest message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns {grpc.health.v1.HealthCheckRequest & grpc.health.v1.HealthCheckRequest.$Shape} HealthCheckRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(r: ($protobuf.Reader|Uint8Array), l?: number): grpc.health.v1.HealthCheckRequest & grpc.health.v1.HealthCheckRequest.$Shape;

                /**
                 * Creates a HealthCheckRequest message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns HealthCheckRequest
                 */
                static fromObject(d: { [k: string]: any }): grpc.health.v1.HealthCheckRequest;

                /**
                 * Creates a plain object from a HealthCheckRequest message. Also converts values to other types if specified.
                 * @param m HealthCheckRequest
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                static toObject(m: grpc.health.v1.HealthCheckRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this HealthCheckRequest to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };

                /**
                 * Gets the type url for HealthCheckRequest
                 * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns The type url
                 */
                static getTypeUrl(prefix?: string): string;
            }

            namespace HealthCheckRequest {

                /** Properties of a HealthCheckRequest. */
                interface $Properties {

                    /** HealthCheckRequest service */
                    service?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a HealthCheckRequest. */
                type $Shape = grpc.health.v1.HealthCheckRequest.$Properties;
            }

            /**
             * Properties of a HealthCheckResponse.
             * @deprecated Use grpc.health.v1.HealthCheckResponse.$Properties instead.
             */
            interface IHealthCheckResponse extends grpc.health.v1.HealthCheckResponse.$Properties {
            }

            /** Represents a HealthCheckResponse. */
            class HealthCheckResponse {

                /**
                 * Constructs a new HealthCheckResponse.
                 * @param [p] Properties to set
                 */
                constructor(p?: grpc.health.v1.HealthCheckResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** HealthCheckResponse status. */
                status: grpc.health.v1.HealthCheckResponse.ServingStatus;

                /**
                 * Creates a new HealthCheckResponse instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns HealthCheckResponse instance
                 */
                static create(properties: grpc.health.v1.HealthCheckResponse.$Shape): grpc.health.v1.HealthCheckResponse & grpc.health.v1.HealthCheckResponse.$Shape;
                static create(properties?: grpc.health.v1.HealthCheckResponse.$Properties): grpc.health.v1.HealthCheckResponse;

                /**
                 * Encodes the specified HealthCheckResponse message. Does not implicitly {@link grpc.health.v1.HealthCheckResponse.verify|verify} messages.
                 * @param m HealthCheckResponse message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                static encode(m: grpc.health.v1.HealthCheckResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a HealthCheckResponse message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns {grpc.health.v1.HealthCheckResponse & grpc.health.v1.HealthCheckResponse.$Shape} HealthCheckResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(r: ($protobuf.Reader|Uint8Array), l?: number): grpc.health.v1.HealthCheckResponse & grpc.health.v1.HealthCheckResponse.$Shape;

                /**
                 * Creates a HealthCheckResponse message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns HealthCheckResponse
                 */
                static fromObject(d: { [k: string]: any }): grpc.health.v1.HealthCheckResponse;

                /**
                 * Creates a plain object from a HealthCheckResponse message. Also converts values to other types if specified.
                 * @param m HealthCheckResponse
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                static toObject(m: grpc.health.v1.HealthCheckResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this HealthCheckResponse to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };

                /**
                 * Gets the type url for HealthCheckResponse
                 * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns The type url
                 */
                static getTypeUrl(prefix?: string): string;
            }

            namespace HealthCheckResponse {

                /** Properties of a HealthCheckResponse. */
                interface $Properties {

                    /** HealthCheckResponse status */
                    status?: (grpc.health.v1.HealthCheckResponse.ServingStatus|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a HealthCheckResponse. */
                type $Shape = grpc.health.v1.HealthCheckResponse.$Properties;

                /** ServingStatus enum. */
                enum ServingStatus {

                    /** UNKNOWN value */
                    UNKNOWN = 0,

                    /** SERVING value */
                    SERVING = 1,

                    /** NOT_SERVING value */
                    NOT_SERVING = 2,

                    /** SERVICE_UNKNOWN value */
                    SERVICE_UNKNOWN = 3
                }
            }

            /** Represents a Health */
            class Health extends $protobuf.rpc.Service {

                /**
                 * Constructs a new Health service.
                 * @param rpcImpl RPC implementation
                 * @param [requestDelimited=false] Whether requests are length-delimited
                 * @param [responseDelimited=false] Whether responses are length-delimited
                 */
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

                /**
                 * Creates new Health service using the specified rpc implementation.
                 * @param rpcImpl RPC implementation
                 * @param [requestDelimited=false] Whether requests are length-delimited
                 * @param [responseDelimited=false] Whether responses are length-delimited
                 * @returns RPC service. Useful where requests and/or responses are streamed.
                 */
                static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Health;

                /** Calls Check. */
                check: grpc.health.v1.Health.Check;

                /** Calls Watch. */
                watch: grpc.health.v1.Health.Watch;
            }

            namespace Health {

                /**
                 * Callback as used by {@link grpc.health.v1.Health#check}.
                 * @param error Error, if any
                 * @param [response] HealthCheckResponse
                 */
                type CheckCallback = (error: (Error|null), response?: grpc.health.v1.HealthCheckResponse) => void;

                /** Calls Check. */
                type Check = {
                  (request: grpc.health.v1.IHealthCheckRequest, callback: grpc.health.v1.Health.CheckCallback): void;
                  (request: grpc.health.v1.IHealthCheckRequest): Promise<grpc.health.v1.HealthCheckResponse>;
                  readonly name: "Check";
                  readonly path: "/grpc.health.v1.Health/Check";
                  readonly requestType: "HealthCheckRequest";
                  readonly responseType: "HealthCheckResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };

                /**
                 * Callback as used by {@link grpc.health.v1.Health#watch}.
                 * @param error Error, if any
                 * @param [response] HealthCheckResponse
                 */
                type WatchCallback = (error: (Error|null), response?: grpc.health.v1.HealthCheckResponse) => void;

                /** Calls Watch. */
                type Watch = {
                  (request: grpc.health.v1.IHealthCheckRequest, callback: grpc.health.v1.Health.WatchCallback): void;
                  (request: grpc.health.v1.IHealthCheckRequest): Promise<grpc.health.v1.HealthCheckResponse>;
                  readonly name: "Watch";
                  readonly path: "/grpc.health.v1.Health/Watch";
                  readonly requestType: "HealthCheckRequest";
                  readonly responseType: "HealthCheckResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: true;
                };
            }
        }
    }
}

/** Namespace mvccpb. */
export namespace mvccpb {

    /**
     * Properties of a KeyValue.
     * @deprecated Use mvccpb.KeyValue.$Properties instead.
     */
    interface IKeyValue extends mvccpb.KeyValue.$Properties {
    }

    /** Represents a KeyValue. */
    class KeyValue {

        /**
         * Constructs a new KeyValue.
         * @param [p] Properties to set
         */
        constructor(p?: mvccpb.KeyValue.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** KeyValue key. */
        key: Uint8Array;

        /** KeyValue create_revision. */
        create_revision: (number|Long);

        /** KeyValue mod_revision. */
        mod_revision: (number|Long);

        /** KeyValue version. */
        version: (number|Long);

        /** KeyValue value. */
        value: Uint8Array;

        /** KeyValue lease. */
        lease: (number|Long);

        /**
         * Creates a new KeyValue instance using the specified properties.
         * @param [properties] Properties to set
         * @returns KeyValue instance
         */
        static create(properties: mvccpb.KeyValue.$Shape): mvccpb.KeyValue & mvccpb.KeyValue.$Shape;
        static create(properties?: mvccpb.KeyValue.$Properties): mvccpb.KeyValue;

        /**
         * Encodes the specified KeyValue message. Does not implicitly {@link mvccpb.KeyValue.verify|verify} messages.
         * @param m KeyValue message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: mvccpb.KeyValue.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a KeyValue message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {mvccpb.KeyValue & mvccpb.KeyValue.$Shape} KeyValue
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): mvccpb.KeyValue & mvccpb.KeyValue.$Shape;

        /**
         * Creates a KeyValue message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns KeyValue
         */
        static fromObject(d: { [k: string]: any }): mvccpb.KeyValue;

        /**
         * Creates a plain object from a KeyValue message. Also converts values to other types if specified.
         * @param m KeyValue
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: mvccpb.KeyValue, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this KeyValue to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for KeyValue
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace KeyValue {

        /** Properties of a KeyValue. */
        interface $Properties {

            /** KeyValue key */
            key?: (Uint8Array|null);

            /** KeyValue create_revision */
            create_revision?: (number|Long|null);

            /** KeyValue mod_revision */
            mod_revision?: (number|Long|null);

            /** KeyValue version */
            version?: (number|Long|null);

            /** KeyValue value */
            value?: (Uint8Array|null);

            /** KeyValue lease */
            lease?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a KeyValue. */
        type $Shape = mvccpb.KeyValue.$Properties;
    }

    /**
     * Properties of an Event.
     * @deprecated Use mvccpb.Event.$Properties instead.
     */
    interface IEvent extends mvccpb.Event.$Properties {
    }

    /** Represents an Event. */
    class Event {

        /**
         * Constructs a new Event.
         * @param [p] Properties to set
         */
        constructor(p?: mvccpb.Event.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Event type. */
        type: mvccpb.Event.EventType;

        /** Event kv. */
        kv?: (mvccpb.KeyValue.$Properties|null);

        /** Event prev_kv. */
        prev_kv?: (mvccpb.KeyValue.$Properties|null);

        /**
         * Creates a new Event instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Event instance
         */
        static create(properties: mvccpb.Event.$Shape): mvccpb.Event & mvccpb.Event.$Shape;
        static create(properties?: mvccpb.Event.$Properties): mvccpb.Event;

        /**
         * Encodes the specified Event message. Does not implicitly {@link mvccpb.Event.verify|verify} messages.
         * @param m Event message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: mvccpb.Event.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Event message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {mvccpb.Event & mvccpb.Event.$Shape} Event
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): mvccpb.Event & mvccpb.Event.$Shape;

        /**
         * Creates an Event message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Event
         */
        static fromObject(d: { [k: string]: any }): mvccpb.Event;

        /**
         * Creates a plain object from an Event message. Also converts values to other types if specified.
         * @param m Event
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: mvccpb.Event, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Event to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Event
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Event {

        /** Properties of an Event. */
        interface $Properties {

            /** Event type */
            type?: (mvccpb.Event.EventType|null);

            /** Event kv */
            kv?: (mvccpb.KeyValue.$Properties|null);

            /** Event prev_kv */
            prev_kv?: (mvccpb.KeyValue.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Event. */
        type $Shape = mvccpb.Event.$Properties;

        /** EventType enum. */
        enum EventType {

            /** PUT value */
            PUT = 0,

            /** DELETE value */
            DELETE = 1
        }
    }
}

/** Namespace v3electionpb. */
export namespace v3electionpb {

    /** Represents an Election */
    class Election extends $protobuf.rpc.Service {

        /**
         * Constructs a new Election service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new Election service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Election;

        /** Calls Campaign. */
        campaign: v3electionpb.Election.Campaign;

        /** Calls Proclaim. */
        proclaim: v3electionpb.Election.Proclaim;

        /** Calls Leader. */
        leader: v3electionpb.Election.Leader;

        /** Calls Observe. */
        observe: v3electionpb.Election.Observe;

        /** Calls Resign. */
        resign: v3electionpb.Election.Resign;
    }

    namespace Election {

        /**
         * Callback as used by {@link v3electionpb.Election#campaign}.
         * @param error Error, if any
         * @param [response] CampaignResponse
         */
        type CampaignCallback = (error: (Error|null), response?: v3electionpb.CampaignResponse) => void;

        /** Calls Campaign. */
        type Campaign = {
          (request: v3electionpb.ICampaignRequest, callback: v3electionpb.Election.CampaignCallback): void;
          (request: v3electionpb.ICampaignRequest): Promise<v3electionpb.CampaignResponse>;
          readonly name: "Campaign";
          readonly path: "/v3electionpb.Election/Campaign";
          readonly requestType: "CampaignRequest";
          readonly responseType: "CampaignResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link v3electionpb.Election#proclaim}.
         * @param error Error, if any
         * @param [response] ProclaimResponse
         */
        type ProclaimCallback = (error: (Error|null), response?: v3electionpb.ProclaimResponse) => void;

        /** Calls Proclaim. */
        type Proclaim = {
          (request: v3electionpb.IProclaimRequest, callback: v3electionpb.Election.ProclaimCallback): void;
          (request: v3electionpb.IProclaimRequest): Promise<v3electionpb.ProclaimResponse>;
          readonly name: "Proclaim";
          readonly path: "/v3electionpb.Election/Proclaim";
          readonly requestType: "ProclaimRequest";
          readonly responseType: "ProclaimResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link v3electionpb.Election#leader}.
         * @param error Error, if any
         * @param [response] LeaderResponse
         */
        type LeaderCallback = (error: (Error|null), response?: v3electionpb.LeaderResponse) => void;

        /** Calls Leader. */
        type Leader = {
          (request: v3electionpb.ILeaderRequest, callback: v3electionpb.Election.LeaderCallback): void;
          (request: v3electionpb.ILeaderRequest): Promise<v3electionpb.LeaderResponse>;
          readonly name: "Leader";
          readonly path: "/v3electionpb.Election/Leader";
          readonly requestType: "LeaderRequest";
          readonly responseType: "LeaderResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link v3electionpb.Election#observe}.
         * @param error Error, if any
         * @param [response] LeaderResponse
         */
        type ObserveCallback = (error: (Error|null), response?: v3electionpb.LeaderResponse) => void;

        /** Calls Observe. */
        type Observe = {
          (request: v3electionpb.ILeaderRequest, callback: v3electionpb.Election.ObserveCallback): void;
          (request: v3electionpb.ILeaderRequest): Promise<v3electionpb.LeaderResponse>;
          readonly name: "Observe";
          readonly path: "/v3electionpb.Election/Observe";
          readonly requestType: "LeaderRequest";
          readonly responseType: "LeaderResponse";
          readonly requestStream: undefined;
          readonly responseStream: true;
        };

        /**
         * Callback as used by {@link v3electionpb.Election#resign}.
         * @param error Error, if any
         * @param [response] ResignResponse
         */
        type ResignCallback = (error: (Error|null), response?: v3electionpb.ResignResponse) => void;

        /** Calls Resign. */
        type Resign = {
          (request: v3electionpb.IResignRequest, callback: v3electionpb.Election.ResignCallback): void;
          (request: v3electionpb.IResignRequest): Promise<v3electionpb.ResignResponse>;
          readonly name: "Resign";
          readonly path: "/v3electionpb.Election/Resign";
          readonly requestType: "ResignRequest";
          readonly responseType: "ResignResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /**
     * Properties of a CampaignRequest.
     * @deprecated Use v3electionpb.CampaignRequest.$Properties instead.
     */
    interface ICampaignRequest extends v3electionpb.CampaignRequest.$Properties {
    }

    /** Represents a CampaignRequest. */
    class CampaignRequest {

        /**
         * Constructs a new CampaignRequest.
         * @param [p] Properties to set
         */
        constructor(p?: v3electionpb.CampaignRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CampaignRequest name. */
        name: Uint8Array;

        /** CampaignRequest lease. */
        lease: (number|Long);

        /** CampaignRequest value. */
        value: Uint8Array;

        /**
         * Creates a new CampaignRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CampaignRequest instance
         */
        static create(properties: v3electionpb.CampaignRequest.$Shape): v3electionpb.CampaignRequest & v3electionpb.CampaignRequest.$Shape;
        static create(properties?: v3electionpb.CampaignRequest.$Properties): v3electionpb.CampaignRequest;

        /**
         * Encodes the specified CampaignRequest message. Does not implicitly {@link v3electionpb.CampaignRequest.verify|verify} messages.
         * @param m CampaignRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: v3electionpb.CampaignRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CampaignRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {v3electionpb.CampaignRequest & v3electionpb.CampaignRequest.$Shape} CampaignRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): v3electionpb.CampaignRequest & v3electionpb.CampaignRequest.$Shape;

        /**
         * Creates a CampaignRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns CampaignRequest
         */
        static fromObject(d: { [k: string]: any }): v3electionpb.CampaignRequest;

        /**
         * Creates a plain object from a CampaignRequest message. Also converts values to other types if specified.
         * @param m CampaignRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: v3electionpb.CampaignRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this CampaignRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for CampaignRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace CampaignRequest {

        /** Properties of a CampaignRequest. */
        interface $Properties {

            /** CampaignRequest name */
            name?: (Uint8Array|null);

            /** CampaignRequest lease */
            lease?: (number|Long|null);

            /** CampaignRequest value */
            value?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CampaignRequest. */
        type $Shape = v3electionpb.CampaignRequest.$Properties;
    }

    /**
     * Properties of a CampaignResponse.
     * @deprecated Use v3electionpb.CampaignResponse.$Properties instead.
     */
    interface ICampaignResponse extends v3electionpb.CampaignResponse.$Properties {
    }

    /** Represents a CampaignResponse. */
    class CampaignResponse {

        /**
         * Constructs a new CampaignResponse.
         * @param [p] Properties to set
         */
        constructor(p?: v3electionpb.CampaignResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CampaignResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** CampaignResponse leader. */
        leader?: (v3electionpb.LeaderKey.$Properties|null);

        /**
         * Creates a new CampaignResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CampaignResponse instance
         */
        static create(properties: v3electionpb.CampaignResponse.$Shape): v3electionpb.CampaignResponse & v3electionpb.CampaignResponse.$Shape;
        static create(properties?: v3electionpb.CampaignResponse.$Properties): v3electionpb.CampaignResponse;

        /**
         * Encodes the specified CampaignResponse message. Does not implicitly {@link v3electionpb.CampaignResponse.verify|verify} messages.
         * @param m CampaignResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: v3electionpb.CampaignResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CampaignResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {v3electionpb.CampaignResponse & v3electionpb.CampaignResponse.$Shape} CampaignResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): v3electionpb.CampaignResponse & v3electionpb.CampaignResponse.$Shape;

        /**
         * Creates a CampaignResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns CampaignResponse
         */
        static fromObject(d: { [k: string]: any }): v3electionpb.CampaignResponse;

        /**
         * Creates a plain object from a CampaignResponse message. Also converts values to other types if specified.
         * @param m CampaignResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: v3electionpb.CampaignResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this CampaignResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for CampaignResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace CampaignResponse {

        /** Properties of a CampaignResponse. */
        interface $Properties {

            /** CampaignResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** CampaignResponse leader */
            leader?: (v3electionpb.LeaderKey.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CampaignResponse. */
        type $Shape = v3electionpb.CampaignResponse.$Properties;
    }

    /**
     * Properties of a LeaderKey.
     * @deprecated Use v3electionpb.LeaderKey.$Properties instead.
     */
    interface ILeaderKey extends v3electionpb.LeaderKey.$Properties {
    }

    /** Represents a LeaderKey. */
    class LeaderKey {

        /**
         * Constructs a new LeaderKey.
         * @param [p] Properties to set
         */
        constructor(p?: v3electionpb.LeaderKey.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaderKey name. */
        name: Uint8Array;

        /** LeaderKey key. */
        key: Uint8Array;

        /** LeaderKey rev. */
        rev: (number|Long);

        /** LeaderKey lease. */
        lease: (number|Long);

        /**
         * Creates a new LeaderKey instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaderKey instance
         */
        static create(properties: v3electionpb.LeaderKey.$Shape): v3electionpb.LeaderKey & v3electionpb.LeaderKey.$Shape;
        static create(properties?: v3electionpb.LeaderKey.$Properties): v3electionpb.LeaderKey;

        /**
         * Encodes the specified LeaderKey message. Does not implicitly {@link v3electionpb.LeaderKey.verify|verify} messages.
         * @param m LeaderKey message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: v3electionpb.LeaderKey.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaderKey message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {v3electionpb.LeaderKey & v3electionpb.LeaderKey.$Shape} LeaderKey
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): v3electionpb.LeaderKey & v3electionpb.LeaderKey.$Shape;

        /**
         * Creates a LeaderKey message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LeaderKey
         */
        static fromObject(d: { [k: string]: any }): v3electionpb.LeaderKey;

        /**
         * Creates a plain object from a LeaderKey message. Also converts values to other types if specified.
         * @param m LeaderKey
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: v3electionpb.LeaderKey, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaderKey to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaderKey
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaderKey {

        /** Properties of a LeaderKey. */
        interface $Properties {

            /** LeaderKey name */
            name?: (Uint8Array|null);

            /** LeaderKey key */
            key?: (Uint8Array|null);

            /** LeaderKey rev */
            rev?: (number|Long|null);

            /** LeaderKey lease */
            lease?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaderKey. */
        type $Shape = v3electionpb.LeaderKey.$Properties;
    }

    /**
     * Properties of a LeaderRequest.
     * @deprecated Use v3electionpb.LeaderRequest.$Properties instead.
     */
    interface ILeaderRequest extends v3electionpb.LeaderRequest.$Properties {
    }

    /** Represents a LeaderRequest. */
    class LeaderRequest {

        /**
         * Constructs a new LeaderRequest.
         * @param [p] Properties to set
         */
        constructor(p?: v3electionpb.LeaderRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaderRequest name. */
        name: Uint8Array;

        /**
         * Creates a new LeaderRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaderRequest instance
         */
        static create(properties: v3electionpb.LeaderRequest.$Shape): v3electionpb.LeaderRequest & v3electionpb.LeaderRequest.$Shape;
        static create(properties?: v3electionpb.LeaderRequest.$Properties): v3electionpb.LeaderRequest;

        /**
         * Encodes the specified LeaderRequest message. Does not implicitly {@link v3electionpb.LeaderRequest.verify|verify} messages.
         * @param m LeaderRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: v3electionpb.LeaderRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaderRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {v3electionpb.LeaderRequest & v3electionpb.LeaderRequest.$Shape} LeaderRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): v3electionpb.LeaderRequest & v3electionpb.LeaderRequest.$Shape;

        /**
         * Creates a LeaderRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LeaderRequest
         */
        static fromObject(d: { [k: string]: any }): v3electionpb.LeaderRequest;

        /**
         * Creates a plain object from a LeaderRequest message. Also converts values to other types if specified.
         * @param m LeaderRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: v3electionpb.LeaderRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaderRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaderRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaderRequest {

        /** Properties of a LeaderRequest. */
        interface $Properties {

            /** LeaderRequest name */
            name?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaderRequest. */
        type $Shape = v3electionpb.LeaderRequest.$Properties;
    }

    /**
     * Properties of a LeaderResponse.
     * @deprecated Use v3electionpb.LeaderResponse.$Properties instead.
     */
    interface ILeaderResponse extends v3electionpb.LeaderResponse.$Properties {
    }

    /** Represents a LeaderResponse. */
    class LeaderResponse {

        /**
         * Constructs a new LeaderResponse.
         * @param [p] Properties to set
         */
        constructor(p?: v3electionpb.LeaderResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaderResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** LeaderResponse kv. */
        kv?: (mvccpb.KeyValue.$Properties|null);

        /**
         * Creates a new LeaderResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaderResponse instance
         */
        static create(properties: v3electionpb.LeaderResponse.$Shape): v3electionpb.LeaderResponse & v3electionpb.LeaderResponse.$Shape;
        static create(properties?: v3electionpb.LeaderResponse.$Properties): v3electionpb.LeaderResponse;

        /**
         * Encodes the specified LeaderResponse message. Does not implicitly {@link v3electionpb.LeaderResponse.verify|verify} messages.
         * @param m LeaderResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: v3electionpb.LeaderResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaderResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {v3electionpb.LeaderResponse & v3electionpb.LeaderResponse.$Shape} LeaderResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): v3electionpb.LeaderResponse & v3electionpb.LeaderResponse.$Shape;

        /**
         * Creates a LeaderResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LeaderResponse
         */
        static fromObject(d: { [k: string]: any }): v3electionpb.LeaderResponse;

        /**
         * Creates a plain object from a LeaderResponse message. Also converts values to other types if specified.
         * @param m LeaderResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: v3electionpb.LeaderResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaderResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaderResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaderResponse {

        /** Properties of a LeaderResponse. */
        interface $Properties {

            /** LeaderResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** LeaderResponse kv */
            kv?: (mvccpb.KeyValue.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaderResponse. */
        type $Shape = v3electionpb.LeaderResponse.$Properties;
    }

    /**
     * Properties of a ResignRequest.
     * @deprecated Use v3electionpb.ResignRequest.$Properties instead.
     */
    interface IResignRequest extends v3electionpb.ResignRequest.$Properties {
    }

    /** Represents a ResignRequest. */
    class ResignRequest {

        /**
         * Constructs a new ResignRequest.
         * @param [p] Properties to set
         */
        constructor(p?: v3electionpb.ResignRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ResignRequest leader. */
        leader?: (v3electionpb.LeaderKey.$Properties|null);

        /**
         * Creates a new ResignRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ResignRequest instance
         */
        static create(properties: v3electionpb.ResignRequest.$Shape): v3electionpb.ResignRequest & v3electionpb.ResignRequest.$Shape;
        static create(properties?: v3electionpb.ResignRequest.$Properties): v3electionpb.ResignRequest;

        /**
         * Encodes the specified ResignRequest message. Does not implicitly {@link v3electionpb.ResignRequest.verify|verify} messages.
         * @param m ResignRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: v3electionpb.ResignRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ResignRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {v3electionpb.ResignRequest & v3electionpb.ResignRequest.$Shape} ResignRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): v3electionpb.ResignRequest & v3electionpb.ResignRequest.$Shape;

        /**
         * Creates a ResignRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns ResignRequest
         */
        static fromObject(d: { [k: string]: any }): v3electionpb.ResignRequest;

        /**
         * Creates a plain object from a ResignRequest message. Also converts values to other types if specified.
         * @param m ResignRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: v3electionpb.ResignRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ResignRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ResignRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ResignRequest {

        /** Properties of a ResignRequest. */
        interface $Properties {

            /** ResignRequest leader */
            leader?: (v3electionpb.LeaderKey.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ResignRequest. */
        type $Shape = v3electionpb.ResignRequest.$Properties;
    }

    /**
     * Properties of a ResignResponse.
     * @deprecated Use v3electionpb.ResignResponse.$Properties instead.
     */
    interface IResignResponse extends v3electionpb.ResignResponse.$Properties {
    }

    /** Represents a ResignResponse. */
    class ResignResponse {

        /**
         * Constructs a new ResignResponse.
         * @param [p] Properties to set
         */
        constructor(p?: v3electionpb.ResignResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ResignResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new ResignResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ResignResponse instance
         */
        static create(properties: v3electionpb.ResignResponse.$Shape): v3electionpb.ResignResponse & v3electionpb.ResignResponse.$Shape;
        static create(properties?: v3electionpb.ResignResponse.$Properties): v3electionpb.ResignResponse;

        /**
         * Encodes the specified ResignResponse message. Does not implicitly {@link v3electionpb.ResignResponse.verify|verify} messages.
         * @param m ResignResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: v3electionpb.ResignResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ResignResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {v3electionpb.ResignResponse & v3electionpb.ResignResponse.$Shape} ResignResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): v3electionpb.ResignResponse & v3electionpb.ResignResponse.$Shape;

        /**
         * Creates a ResignResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns ResignResponse
         */
        static fromObject(d: { [k: string]: any }): v3electionpb.ResignResponse;

        /**
         * Creates a plain object from a ResignResponse message. Also converts values to other types if specified.
         * @param m ResignResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: v3electionpb.ResignResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ResignResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ResignResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ResignResponse {

        /** Properties of a ResignResponse. */
        interface $Properties {

            /** ResignResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ResignResponse. */
        type $Shape = v3electionpb.ResignResponse.$Properties;
    }

    /**
     * Properties of a ProclaimRequest.
     * @deprecated Use v3electionpb.ProclaimRequest.$Properties instead.
     */
    interface IProclaimRequest extends v3electionpb.ProclaimRequest.$Properties {
    }

    /** Represents a ProclaimRequest. */
    class ProclaimRequest {

        /**
         * Constructs a new ProclaimRequest.
         * @param [p] Properties to set
         */
        constructor(p?: v3electionpb.ProclaimRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ProclaimRequest leader. */
        leader?: (v3electionpb.LeaderKey.$Properties|null);

        /** ProclaimRequest value. */
        value: Uint8Array;

        /**
         * Creates a new ProclaimRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ProclaimRequest instance
         */
        static create(properties: v3electionpb.ProclaimRequest.$Shape): v3electionpb.ProclaimRequest & v3electionpb.ProclaimRequest.$Shape;
        static create(properties?: v3electionpb.ProclaimRequest.$Properties): v3electionpb.ProclaimRequest;

        /**
         * Encodes the specified ProclaimRequest message. Does not implicitly {@link v3electionpb.ProclaimRequest.verify|verify} messages.
         * @param m ProclaimRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: v3electionpb.ProclaimRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ProclaimRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {v3electionpb.ProclaimRequest & v3electionpb.ProclaimRequest.$Shape} ProclaimRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): v3electionpb.ProclaimRequest & v3electionpb.ProclaimRequest.$Shape;

        /**
         * Creates a ProclaimRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns ProclaimRequest
         */
        static fromObject(d: { [k: string]: any }): v3electionpb.ProclaimRequest;

        /**
         * Creates a plain object from a ProclaimRequest message. Also converts values to other types if specified.
         * @param m ProclaimRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: v3electionpb.ProclaimRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ProclaimRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ProclaimRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ProclaimRequest {

        /** Properties of a ProclaimRequest. */
        interface $Properties {

            /** ProclaimRequest leader */
            leader?: (v3electionpb.LeaderKey.$Properties|null);

            /** ProclaimRequest value */
            value?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ProclaimRequest. */
        type $Shape = v3electionpb.ProclaimRequest.$Properties;
    }

    /**
     * Properties of a ProclaimResponse.
     * @deprecated Use v3electionpb.ProclaimResponse.$Properties instead.
     */
    interface IProclaimResponse extends v3electionpb.ProclaimResponse.$Properties {
    }

    /** Represents a ProclaimResponse. */
    class ProclaimResponse {

        /**
         * Constructs a new ProclaimResponse.
         * @param [p] Properties to set
         */
        constructor(p?: v3electionpb.ProclaimResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ProclaimResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new ProclaimResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ProclaimResponse instance
         */
        static create(properties: v3electionpb.ProclaimResponse.$Shape): v3electionpb.ProclaimResponse & v3electionpb.ProclaimResponse.$Shape;
        static create(properties?: v3electionpb.ProclaimResponse.$Properties): v3electionpb.ProclaimResponse;

        /**
         * Encodes the specified ProclaimResponse message. Does not implicitly {@link v3electionpb.ProclaimResponse.verify|verify} messages.
         * @param m ProclaimResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: v3electionpb.ProclaimResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ProclaimResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {v3electionpb.ProclaimResponse & v3electionpb.ProclaimResponse.$Shape} ProclaimResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): v3electionpb.ProclaimResponse & v3electionpb.ProclaimResponse.$Shape;

        /**
         * Creates a ProclaimResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns ProclaimResponse
         */
        static fromObject(d: { [k: string]: any }): v3electionpb.ProclaimResponse;

        /**
         * Creates a plain object from a ProclaimResponse message. Also converts values to other types if specified.
         * @param m ProclaimResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: v3electionpb.ProclaimResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ProclaimResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ProclaimResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ProclaimResponse {

        /** Properties of a ProclaimResponse. */
        interface $Properties {

            /** ProclaimResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ProclaimResponse. */
        type $Shape = v3electionpb.ProclaimResponse.$Properties;
    }
}

/** Namespace v3lockpb. */
export namespace v3lockpb {

    /** Represents a Lock */
    class Lock extends $protobuf.rpc.Service {

        /**
         * Constructs a new Lock service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new Lock service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Lock;

        /** Calls Lock. */
        lock: v3lockpb.Lock.Lock;

        /** Calls Unlock. */
        unlock: v3lockpb.Lock.Unlock;
    }

    namespace Lock {

        /**
         * Callback as used by {@link v3lockpb.Lock#lock}.
         * @param error Error, if any
         * @param [response] LockResponse
         */
        type LockCallback = (error: (Error|null), response?: v3lockpb.LockResponse) => void;

        /** Calls Lock. */
        type Lock = {
          (request: v3lockpb.ILockRequest, callback: v3lockpb.Lock.LockCallback): void;
          (request: v3lockpb.ILockRequest): Promise<v3lockpb.LockResponse>;
          readonly name: "Lock";
          readonly path: "/v3lockpb.Lock/Lock";
          readonly requestType: "LockRequest";
          readonly responseType: "LockResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link v3lockpb.Lock#unlock}.
         * @param error Error, if any
         * @param [response] UnlockResponse
         */
        type UnlockCallback = (error: (Error|null), response?: v3lockpb.UnlockResponse) => void;

        /** Calls Unlock. */
        type Unlock = {
          (request: v3lockpb.IUnlockRequest, callback: v3lockpb.Lock.UnlockCallback): void;
          (request: v3lockpb.IUnlockRequest): Promise<v3lockpb.UnlockResponse>;
          readonly name: "Unlock";
          readonly path: "/v3lockpb.Lock/Unlock";
          readonly requestType: "UnlockRequest";
          readonly responseType: "UnlockResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /**
     * Properties of a LockRequest.
     * @deprecated Use v3lockpb.LockRequest.$Properties instead.
     */
    interface ILockRequest extends v3lockpb.LockRequest.$Properties {
    }

    /** Represents a LockRequest. */
    class LockRequest {

        /**
         * Constructs a new LockRequest.
         * @param [p] Properties to set
         */
        constructor(p?: v3lockpb.LockRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LockRequest name. */
        name: Uint8Array;

        /** LockRequest lease. */
        lease: (number|Long);

        /**
         * Creates a new LockRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LockRequest instance
         */
        static create(properties: v3lockpb.LockRequest.$Shape): v3lockpb.LockRequest & v3lockpb.LockRequest.$Shape;
        static create(properties?: v3lockpb.LockRequest.$Properties): v3lockpb.LockRequest;

        /**
         * Encodes the specified LockRequest message. Does not implicitly {@link v3lockpb.LockRequest.verify|verify} messages.
         * @param m LockRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: v3lockpb.LockRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LockRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {v3lockpb.LockRequest & v3lockpb.LockRequest.$Shape} LockRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): v3lockpb.LockRequest & v3lockpb.LockRequest.$Shape;

        /**
         * Creates a LockRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LockRequest
         */
        static fromObject(d: { [k: string]: any }): v3lockpb.LockRequest;

        /**
         * Creates a plain object from a LockRequest message. Also converts values to other types if specified.
         * @param m LockRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: v3lockpb.LockRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LockRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LockRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LockRequest {

        /** Properties of a LockRequest. */
        interface $Properties {

            /** LockRequest name */
            name?: (Uint8Array|null);

            /** LockRequest lease */
            lease?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LockRequest. */
        type $Shape = v3lockpb.LockRequest.$Properties;
    }

    /**
     * Properties of a LockResponse.
     * @deprecated Use v3lockpb.LockResponse.$Properties instead.
     */
    interface ILockResponse extends v3lockpb.LockResponse.$Properties {
    }

    /** Represents a LockResponse. */
    class LockResponse {

        /**
         * Constructs a new LockResponse.
         * @param [p] Properties to set
         */
        constructor(p?: v3lockpb.LockResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LockResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** LockResponse key. */
        key: Uint8Array;

        /**
         * Creates a new LockResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LockResponse instance
         */
        static create(properties: v3lockpb.LockResponse.$Shape): v3lockpb.LockResponse & v3lockpb.LockResponse.$Shape;
        static create(properties?: v3lockpb.LockResponse.$Properties): v3lockpb.LockResponse;

        /**
         * Encodes the specified LockResponse message. Does not implicitly {@link v3lockpb.LockResponse.verify|verify} messages.
         * @param m LockResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: v3lockpb.LockResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LockResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {v3lockpb.LockResponse & v3lockpb.LockResponse.$Shape} LockResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): v3lockpb.LockResponse & v3lockpb.LockResponse.$Shape;

        /**
         * Creates a LockResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LockResponse
         */
        static fromObject(d: { [k: string]: any }): v3lockpb.LockResponse;

        /**
         * Creates a plain object from a LockResponse message. Also converts values to other types if specified.
         * @param m LockResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: v3lockpb.LockResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LockResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LockResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LockResponse {

        /** Properties of a LockResponse. */
        interface $Properties {

            /** LockResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** LockResponse key */
            key?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LockResponse. */
        type $Shape = v3lockpb.LockResponse.$Properties;
    }

    /**
     * Properties of an UnlockRequest.
     * @deprecated Use v3lockpb.UnlockRequest.$Properties instead.
     */
    interface IUnlockRequest extends v3lockpb.UnlockRequest.$Properties {
    }

    /** Represents an UnlockRequest. */
    class UnlockRequest {

        /**
         * Constructs a new UnlockRequest.
         * @param [p] Properties to set
         */
        constructor(p?: v3lockpb.UnlockRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** UnlockRequest key. */
        key: Uint8Array;

        /**
         * Creates a new UnlockRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns UnlockRequest instance
         */
        static create(properties: v3lockpb.UnlockRequest.$Shape): v3lockpb.UnlockRequest & v3lockpb.UnlockRequest.$Shape;
        static create(properties?: v3lockpb.UnlockRequest.$Properties): v3lockpb.UnlockRequest;

        /**
         * Encodes the specified UnlockRequest message. Does not implicitly {@link v3lockpb.UnlockRequest.verify|verify} messages.
         * @param m UnlockRequest message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: v3lockpb.UnlockRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an UnlockRequest message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {v3lockpb.UnlockRequest & v3lockpb.UnlockRequest.$Shape} UnlockRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): v3lockpb.UnlockRequest & v3lockpb.UnlockRequest.$Shape;

        /**
         * Creates an UnlockRequest message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns UnlockRequest
         */
        static fromObject(d: { [k: string]: any }): v3lockpb.UnlockRequest;

        /**
         * Creates a plain object from an UnlockRequest message. Also converts values to other types if specified.
         * @param m UnlockRequest
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: v3lockpb.UnlockRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this UnlockRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for UnlockRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace UnlockRequest {

        /** Properties of an UnlockRequest. */
        interface $Properties {

            /** UnlockRequest key */
            key?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an UnlockRequest. */
        type $Shape = v3lockpb.UnlockRequest.$Properties;
    }

    /**
     * Properties of an UnlockResponse.
     * @deprecated Use v3lockpb.UnlockResponse.$Properties instead.
     */
    interface IUnlockResponse extends v3lockpb.UnlockResponse.$Properties {
    }

    /** Represents an UnlockResponse. */
    class UnlockResponse {

        /**
         * Constructs a new UnlockResponse.
         * @param [p] Properties to set
         */
        constructor(p?: v3lockpb.UnlockResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** UnlockResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new UnlockResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns UnlockResponse instance
         */
        static create(properties: v3lockpb.UnlockResponse.$Shape): v3lockpb.UnlockResponse & v3lockpb.UnlockResponse.$Shape;
        static create(properties?: v3lockpb.UnlockResponse.$Properties): v3lockpb.UnlockResponse;

        /**
         * Encodes the specified UnlockResponse message. Does not implicitly {@link v3lockpb.UnlockResponse.verify|verify} messages.
         * @param m UnlockResponse message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: v3lockpb.UnlockResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an UnlockResponse message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {v3lockpb.UnlockResponse & v3lockpb.UnlockResponse.$Shape} UnlockResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): v3lockpb.UnlockResponse & v3lockpb.UnlockResponse.$Shape;

        /**
         * Creates an UnlockResponse message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns UnlockResponse
         */
        static fromObject(d: { [k: string]: any }): v3lockpb.UnlockResponse;

        /**
         * Creates a plain object from an UnlockResponse message. Also converts values to other types if specified.
         * @param m UnlockResponse
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: v3lockpb.UnlockResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this UnlockResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for UnlockResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace UnlockResponse {

        /** Properties of an UnlockResponse. */
        interface $Properties {

            /** UnlockResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an UnlockResponse. */
        type $Shape = v3lockpb.UnlockResponse.$Properties;
    }
}
