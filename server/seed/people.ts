/**
 * The demo people who appear in several modules (项目信息's 从业人员, 信用信息, 企业人员培训结果 …):
 * one identity each, written once, so every module shows the same person the same way.
 */
export const DEMO_PEOPLE = {
  /** 张建国, 项目负责人 of 阳光花园 (demo-manager). */
  zhang: { name: '张建国', phone: '13800138001', idNo: '440305197804120318' },
  /** 陈志强, 项目负责人 of 海滨广场 (demo-manager2). */
  chen: { name: '陈志强', phone: '13900139001', idNo: '440304198107190570' },
  /** 李晓华, handler of 阳光花园 (demo-handler). */
  li: { name: '李晓华', phone: '13800138002', idNo: '440304199009230481' },
} as const
