import { Empty, Flex, Typography } from "antd";

/** A section with nothing in it yet, saying what will be here and how it gets here. */
export function EmptyPage({ title, description }: { title: string; description: string }) {
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Empty description={description} />
    </Flex>
  );
}
