/**
 * The ECharts of 评价统计: its core with only what the chart draws (line, bar, grid, tooltip,
 * legend; the canvas renderer), so the evaluation subpackage carries about 540 KB of it and the
 * main package none (it is imported by this subpackage's pages only).
 */
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export { echarts }
export type { EChartsCoreOption, EChartsType } from 'echarts/core'
