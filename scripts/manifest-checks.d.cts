// Types for manifest-checks.cjs, so the jest tests type-check against it.
export interface XmlElement {
  name: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
  parent?: XmlElement;
}
export interface ManifestCheck {
  errors: string[];
  namespace: string | undefined;
  functionNames: string[];
  taskpaneUrl: string | undefined;
}
export interface ManifestCheckOptions {
  readAsset?: (relativePath: string) => Uint8Array | undefined;
  version?: string;
}
export declare const DEV_URL: string;
export declare function parseXml(text: string): XmlElement;
export declare function checkManifest(xml: string, options?: ManifestCheckOptions): ManifestCheck;
export declare function checkFunctionsMetadata(jsonText: string, expectedIds?: string[]): { errors: string[]; ids: string[] };
export declare function rewriteUrls(text: string, baseUrl: string): string;
export declare function pngSize(bytes: Uint8Array | undefined): { width: number; height: number } | undefined;
