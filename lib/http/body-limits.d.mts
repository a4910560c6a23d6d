export const MAX_DIAGRAM_CHARS: number;
export const SERVER_ACTION_BODY_LIMIT_BYTES: number;
export const PROXY_BODY_BUFFER_BYTES: number;
