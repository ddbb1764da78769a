// zmp-sdk's own modules, imported alone (services/zalo/sdk-parts.ts); the SDK types only its entry.
declare module "zmp-sdk/apis/apis/getAccessToken.js" {
  export const getAccessToken: typeof import("zmp-sdk/apis").getAccessToken;
}
declare module "zmp-sdk/apis/apis/native-storage/index.js" {
  export const nativeStorage: typeof import("zmp-sdk/apis").nativeStorage;
}
