/**
 * Demo data made by lib/demo/seed.ts at server start. Each spec signs in with
 * its own accounts where state could leak (the login throttle and the saved
 * language live in the database for the whole run).
 */
export const DEMO_PASSWORD = "Demo@2026";

export const EMPLOYEE_NAMES: Record<string, string> = {
  admin: "王磊",
  zhangwei: "张伟",
  liuyang: "刘洋",
  lina: "李娜",
  chenjing: "陈静",
  yangfan: "杨帆",
  zhaoqiang: "赵强",
  xuming: "徐明",
  zhoujie: "周杰",
  sunli: "孙丽",
  wumin: "吴敏",
  zhenghao: "郑浩",
  huangting: "黄婷",
};

export const SUPPLIERS = {
  supplier1: { user: "钱峰", company: "苏州精密五金有限公司" },
  supplier2: { user: "林晓", company: "宁波华东塑胶制品有限公司" },
} as const;

export type SupplierUsername = keyof typeof SUPPLIERS;
