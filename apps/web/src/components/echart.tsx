import type { EChartsCoreOption } from "echarts/core";
import * as echarts from "echarts/core";
import { type CSSProperties, useEffect, useRef } from "react";

/**
 * An ECharts chart in a div: created once, updated when the option changes, resized with its container,
 * disposed on unmount. Charts register their parts with `echarts.use` where they are defined.
 */
export function EChart({ option, style }: { option: EChartsCoreOption; style?: CSSProperties }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} style={style} />;
}
