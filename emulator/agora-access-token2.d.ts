// Types for the parts of agora-token's AccessToken2 that the emulator uses; the package ships none for it.
declare module 'agora-token/src/AccessToken2.js' {
  export class Service {
    service_type(): number;
    add_privilege(privilege: number, expire: number): void;
    /** Privilege number → expiry in seconds relative to issueTs (parsed tokens). */
    __privileges: Record<string, number>;
  }
  export class ServiceChat extends Service {
    constructor(userId?: string);
    static kPrivilegeUser: number;
    static kPrivilegeApp: number;
  }
  export class AccessToken2 {
    constructor(appId?: string, appCertificate?: string, issueTs?: number, expire?: number);
    /** A Buffer after from_string, a string when building. */
    appId: string | Uint8Array;
    issueTs: number;
    expire: number;
    services: Service[];
    add_service(service: Service): void;
    getServices(serviceType: number): Service[];
    build(): string;
    from_string(token: string): boolean;
    verifySignature(appCertificate: string): boolean;
  }
  export const kChatServiceType: number;
}
