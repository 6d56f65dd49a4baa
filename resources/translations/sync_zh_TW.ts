<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>ConflictTableModel</name>
    <message>
        <location filename="../../desktop/ui/sync/conflict_table_model.py" line="41" />
        <source>Image</source>
        <translation>圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflict_table_model.py" line="41" />
        <source>What changed</source>
        <translation>變更項目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflict_table_model.py" line="41" />
        <source>This computer</source>
        <translation>本機</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflict_table_model.py" line="42" />
        <source>Cloud</source>
        <translation>雲端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflict_table_model.py" line="42" />
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflict_table_model.py" line="42" />
        <source>Since</source>
        <translation>發生時間</translation>
    </message>
</context>
<context>
    <name>DestinationDialog</name>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="191" />
        <source>Not a destination address this app understands yet.</source>
        <translation>本程式還看不懂這個目的地位址。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="231" />
        <source>Stored: %1 (type to replace)</source>
        <translation>已儲存：%1（輸入新值即可取代）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="232" />
        <source>Not stored</source>
        <translation>尚未儲存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="234" />
        <source>Leave these empty to use the AWS profile or the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY environment variables.</source>
        <translation>留空則使用 AWS 設定檔，或 AWS_ACCESS_KEY_ID 與 AWS_SECRET_ACCESS_KEY 環境變數。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="236" />
        <source>Leave this empty to use GOOGLE_APPLICATION_CREDENTIALS or the gcloud login of this computer.</source>
        <translation>留空則使用 GOOGLE_APPLICATION_CREDENTIALS，或這台電腦的 gcloud 登入資訊。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="238" />
        <source>Give one of these, or leave them empty to use the AZURE_STORAGE_CONNECTION_STRING environment variable.</source>
        <translation>擇一填寫即可；全部留空則使用 AZURE_STORAGE_CONNECTION_STRING 環境變數。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="241" />
        <source>Type the address first: the fields depend on the storage service.</source>
        <translation>請先輸入位址：需要填寫的欄位依儲存服務而定。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="245" />
        <source>Choose the service account key file</source>
        <translation>選擇服務帳戶金鑰檔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="246" />
        <source>Key files (*.json)</source>
        <translation>金鑰檔（*.json）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="264" />
        <source>Reading the key file</source>
        <translation>正在讀取金鑰檔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="300" />
        <source>Type the address of the bucket.</source>
        <translation>請輸入儲存貯體的位址。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="304" />
        <source>Use s3://bucket/folder, gs://bucket/folder, az://container/folder or https://ACCOUNT.blob.core.windows.net/container/folder.</source>
        <translation>請使用 s3://儲存貯體/資料夾、gs://儲存貯體/資料夾、az://容器/資料夾，或 https://帳戶.blob.core.windows.net/容器/資料夾 的格式。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="309" />
        <source>A name is up to 64 letters, digits, '_' or '-', without spaces.</source>
        <translation>名稱最多 64 個字元，只能用英文字母、數字、「_」或「-」，不可有空格。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="311" />
        <source>Another destination is already called %1.</source>
        <translation>已經有另一個目的地叫做 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="314" />
        <source>The endpoint is a web address such as https://minio.example.com:9000.</source>
        <translation>端點必須是網址，例如 https://minio.example.com:9000。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="319" />
        <source>Edit sync destination</source>
        <translation>編輯同步目的地</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="319" />
        <source>Add sync destination</source>
        <translation>新增同步目的地</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="320" />
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="321" />
        <source>Credentials</source>
        <translation>憑證</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="322" />
        <source>Options</source>
        <translation>選項</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="323" />
        <source>Address</source>
        <translation>位址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="324" />
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="325" />
        <source>Endpoint URL</source>
        <translation>端點網址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="326" />
        <source>Region</source>
        <translation>區域</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="327" />
        <source>AWS profile</source>
        <translation>AWS 設定檔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="328" />
        <source>Parallel transfers</source>
        <translation>同時傳輸數</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="329" />
        <source>Bandwidth limit</source>
        <translation>頻寬上限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="330" />
        <source>When an image is deleted here</source>
        <translation>在本機刪除圖片時</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="331" />
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="332" />
        <source>s3://team-bucket/batch-images</source>
        <translation>s3://team-bucket/batch-images</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="333" />
        <source>s3://bucket/folder, gs://bucket/folder, az://container/folder or https://ACCOUNT.blob.core.windows.net/container/folder</source>
        <translation>s3://儲存貯體/資料夾、gs://儲存貯體/資料夾、az://容器/資料夾，或 https://帳戶.blob.core.windows.net/容器/資料夾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="335" />
        <source>From the bucket name</source>
        <translation>預設取自儲存貯體名稱</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="336" />
        <source>Only for MinIO, R2 and other S3-compatible stores</source>
        <translation>僅限 MinIO、R2 等相容 S3 的儲存服務</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="337" />
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="338" />
        <source>Default</source>
        <translation>預設</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="339" />
        <source>MB/s</source>
        <translation>MB/秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="340" />
        <source>Unlimited</source>
        <translation>不限制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="341" />
        <source>backups</source>
        <translation>份備份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="344" />
        <source>Keep: the bucket keeps every image ever pushed. Mirror: deleting an image here (or moving it to the trash) deletes it there too.</source>
        <translation>保留：儲存貯體會留著所有上傳過的圖片。同步刪除：在本機刪除圖片（或移到垃圾桶）時，雲端的也一併刪除。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="346" />
        <source>Bring in images other computers pushed here</source>
        <translation>匯入其他電腦上傳到這裡的圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="347" />
        <source>Upload library backups</source>
        <translation>上傳圖庫備份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="348" />
        <source>Load key file…</source>
        <translation>載入金鑰檔…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="349" />
        <source>Forget the stored credentials</source>
        <translation>清除已儲存的憑證</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="350" />
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="350" />
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_dialog.py" line="351" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DestinationTableModel</name>
    <message>
        <location filename="../../desktop/ui/sync/destination_table_model.py" line="45" />
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_table_model.py" line="45" />
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_table_model.py" line="45" />
        <source>Verified</source>
        <translation>已驗證</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_table_model.py" line="45" />
        <location filename="../../desktop/ui/sync/destination_table_model.py" line="100" />
        <source>Waiting</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_table_model.py" line="46" />
        <source>Last run</source>
        <translation>上次執行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_table_model.py" line="46" />
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_table_model.py" line="84" />
        <source>Never</source>
        <translation>從未</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_table_model.py" line="94" />
        <source>Problem</source>
        <translation>有問題</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_table_model.py" line="96" />
        <source>Not run yet</source>
        <translation>尚未執行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_table_model.py" line="98" />
        <source>Conflicts to resolve</source>
        <translation>有衝突待處理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/destination_table_model.py" line="101" />
        <source>Up to date</source>
        <translation>已是最新</translation>
    </message>
</context>
<context>
    <name>SyncBadgeCache</name>
    <message>
        <location filename="../../desktop/ui/sync/sync_badges.py" line="114" />
        <source>Reading sync states</source>
        <translation>正在讀取同步狀態</translation>
    </message>
</context>
<context>
    <name>SyncIndicatorView</name>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="146" />
        <source>Reading the sync state</source>
        <translation>正在讀取同步狀態</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="173" />
        <source>Sync is paused: click to resume it.</source>
        <translation>同步已暫停：按一下即可繼續。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="174" />
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="229" />
        <source>Resume sync</source>
        <translation>繼續同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="176" />
        <source>Sync runs in the background: click to pause it (transfers already under way finish first).</source>
        <translation>同步在背景執行：按一下即可暫停（進行中的傳輸會先完成）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="178" />
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="229" />
        <source>Pause sync</source>
        <translation>暫停同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="183" />
        <source>Sync: not set up</source>
        <translation>同步：尚未設定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="184" />
        <source>No sync destination yet: add one in Settings → Sync.</source>
        <translation>尚未設定同步目的地：請到「設定 → 同步」新增。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="188" />
        <source>Sync is paused: nothing is uploaded or downloaded until you resume it.</source>
        <translation>同步已暫停：在您繼續之前，不會上傳或下載任何檔案。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="189" />
        <source>Sync paused</source>
        <translation>同步已暫停</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="191" />
        <source>%1 waiting</source>
        <translation>%1 個待同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="194" />
        <source>Sync is running in the background.</source>
        <translation>同步正在背景執行。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="195" />
        <source>Sync: %1 of %2</source>
        <translation>同步：%1／%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="198" />
        <source>%1 failed</source>
        <translation>%1 個失敗</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="201" />
        <source>Sync ran into a problem; it tries again on its own.</source>
        <translation>同步發生問題，稍後會自動重試。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="202" />
        <source>Sync problem: %1</source>
        <translation>同步發生問題：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="203" />
        <source>Sync problem</source>
        <translation>同步發生問題</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="205" />
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="208" />
        <source>Sync runs in the background.</source>
        <translation>同步在背景執行。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="206" />
        <source>Sync: %1 waiting</source>
        <translation>同步：%1 個待同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="209" />
        <source>Sync: up to date</source>
        <translation>同步：已是最新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="219" />
        <source>%1: %2 verified, %3 waiting, last run %4</source>
        <translation>%1：已驗證 %2 個，待同步 %3 個，上次執行 %4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="232" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="236" />
        <source>Sync settings…</source>
        <translation>同步設定…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="243" />
        <source>Syncing now</source>
        <translation>立即同步</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="9" />
        <source>Amazon S3 or compatible (MinIO, R2)</source>
        <translation>Amazon S3 或相容服務（MinIO、R2）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="10" />
        <source>Google Cloud Storage</source>
        <translation>Google Cloud Storage</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="11" />
        <source>Azure Blob Storage</source>
        <translation>Azure Blob 儲存體</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="15" />
        <source>Keep remote copies</source>
        <translation>保留雲端副本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="16" />
        <source>Mirror deletes</source>
        <translation>同步刪除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="20" />
        <source>this app's secrets store</source>
        <translation>本程式的機密資料存放區</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="21" />
        <source>the cloud tool's usual sources (profile, environment)</source>
        <translation>雲端工具的預設來源（設定檔、環境變數）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="22" />
        <source>the AZURE_STORAGE_CONNECTION_STRING environment variable</source>
        <translation>AZURE_STORAGE_CONNECTION_STRING 環境變數</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="24" />
        <source>the STORAGE_EMULATOR_HOST emulator (anonymous)</source>
        <translation>STORAGE_EMULATOR_HOST 模擬器（匿名）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="29" />
        <source>Access key ID</source>
        <translation>存取金鑰 ID</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="30" />
        <source>Secret access key</source>
        <translation>秘密存取金鑰</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="31" />
        <source>Session token (optional)</source>
        <translation>工作階段權杖（選填）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="32" />
        <source>Service account key (JSON)</source>
        <translation>服務帳戶金鑰（JSON）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="33" />
        <source>Connection string</source>
        <translation>連接字串</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="34" />
        <source>Account key</source>
        <translation>帳戶金鑰</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="35" />
        <source>SAS token</source>
        <translation>SAS 權杖</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="39" />
        <source>Rating</source>
        <translation>評分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="40" />
        <source>Favourite</source>
        <translation>最愛</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="41" />
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="45" />
        <source>The credentials were refused or are missing</source>
        <translation>憑證遭拒或尚未提供</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="46" />
        <source>The bucket (or container) does not exist</source>
        <translation>儲存貯體（或容器）不存在</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="47" />
        <source>The storage service cannot be reached</source>
        <translation>無法連線到儲存服務</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="48" />
        <source>The test file did not arrive intact</source>
        <translation>測試檔案上傳後驗證不符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="49" />
        <source>This destination no longer exists</source>
        <translation>這個目的地已不存在</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="50" />
        <source>The test failed</source>
        <translation>測試失敗</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="54" />
        <source>Synced to every destination</source>
        <translation>已同步到所有目的地</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="55" />
        <source>Waiting to sync</source>
        <translation>等待同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="56" />
        <source>Sync failed; it will be retried</source>
        <translation>同步失敗，稍後會重試</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="57" />
        <source>Changed here and elsewhere: see Settings → Sync</source>
        <translation>本機與其他電腦都修改過：請到「設定 → 同步」處理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="74" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="74" />
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>SyncPageView</name>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="166" />
        <source>Reading sync destinations</source>
        <translation>正在讀取同步目的地</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="214" />
        <source>No destination yet. Add one to copy your images to a bucket.</source>
        <translation>尚未設定目的地。新增一個，就能把圖片備份到儲存貯體。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="218" />
        <source>%1 MB/s</source>
        <translation>%1 MB/秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="219" />
        <source>unlimited</source>
        <translation>不限制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="221" />
        <source>Credentials: %1</source>
        <translation>憑證來源：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="222" />
        <source>Deleted images: %1</source>
        <translation>刪除的圖片：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="223" />
        <source>%1 parallel transfers, bandwidth %2</source>
        <translation>同時傳輸 %1 個，頻寬上限：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="225" />
        <source>Bring in other computers' images: %1</source>
        <translation>匯入其他電腦的圖片：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="226" />
        <source>on</source>
        <translation>開啟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="226" />
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="229" />
        <source>off</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="227" />
        <source>Library backups: %1</source>
        <translation>圖庫備份：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="228" />
        <source>keep %1</source>
        <translation>保留 %1 份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="233" />
        <source>Verified: %1 files, %2</source>
        <translation>已驗證：%1 個檔案，%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="236" />
        <source>Failing and retried later: %1</source>
        <translation>失敗、稍後重試：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="238" />
        <source>Last error: %1</source>
        <translation>上次錯誤：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="263" />
        <source>Reading credentials</source>
        <translation>正在讀取憑證</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="297" />
        <source>The destination was not saved: %1</source>
        <translation>目的地未儲存：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="300" />
        <source>Added %1. Its images are queued and go up in the background; use Test to check the connection.</source>
        <translation>已新增 %1。圖片已排入佇列，會在背景上傳；可按「測試」檢查連線。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="303" />
        <source>Saved the settings of %1.</source>
        <translation>已儲存 %1 的設定。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="308" />
        <source>Saving a sync destination</source>
        <translation>正在儲存同步目的地</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="314" />
        <source>Remove destination</source>
        <translation>移除目的地</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="315" />
        <source>Stop syncing to %1? The bucket and the files in it stay as they are; this library forgets its sync state and stored credentials.</source>
        <translation>要停止同步到 %1 嗎？儲存貯體和裡面的檔案都會保留原狀；本圖庫會清除它的同步狀態和已儲存的憑證。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="318" />
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="434" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="319" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="327" />
        <source>Removing a sync destination</source>
        <translation>正在移除同步目的地</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="328" />
        <source>Removed %1.</source>
        <translation>已移除 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="337" />
        <source>Testing %1…</source>
        <translation>正在測試 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="338" />
        <source>Testing a sync destination</source>
        <translation>測試同步目的地</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="349" />
        <source>Connection works: %1 is reachable, the credentials from %2 were accepted, and a test file was written, verified and removed.</source>
        <translation>連線正常：可以連到 %1，來自%2的憑證已通過，並已寫入、驗證後刪除一個測試檔案。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="359" />
        <source>Sync is paused: resume it from the status bar first.</source>
        <translation>同步已暫停：請先從狀態列繼續同步。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="362" />
        <source>Syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="371" />
        <source>%1 files uploaded, %2 images brought in.</source>
        <translation>已上傳 %1 個檔案，匯入 %2 張圖片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="374" />
        <source>New conflicts to resolve below: %1.</source>
        <translation>有 %1 個新衝突，請在下方處理。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="379" />
        <source>Sync finished; everything is verified.</source>
        <translation>同步完成，全部都已驗證。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="383" />
        <source>Sync finished with problems.</source>
        <translation>同步完成，但有問題。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="387" />
        <source>Syncing now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="394" />
        <source>Backing up the library to %1…</source>
        <translation>正在備份圖庫到 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="396" />
        <source>Uploading a library backup</source>
        <translation>上傳圖庫備份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="398" />
        <source>Backups uploaded to %1: %2.</source>
        <translation>已上傳到 %1 的備份：%2 份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="402" />
        <source>%1 %2</source>
        <comment>two sentences in a row</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="410" />
        <source>Select the conflicts to resolve first.</source>
        <translation>請先選取要處理的衝突。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="421" />
        <source>Kept this computer's values; they go up with the next sync.</source>
        <translation>已保留本機的值，下次同步時會上傳。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="422" />
        <source>Took the cloud's values.</source>
        <translation>已改用雲端的值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="424" />
        <source>Resolving sync conflicts</source>
        <translation>正在處理同步衝突</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="429" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="432" />
        <source>Copies of your images go to these buckets in the background, each one verified. Changes on this page take effect at once.</source>
        <translation>圖片會在背景複製到這些儲存貯體，每個檔案都會驗證。這一頁的變更會立即生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="434" />
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="434" />
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="435" />
        <source>Test</source>
        <translation>測試</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="435" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="435" />
        <source>Back up now</source>
        <translation>立即備份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="438" />
        <source>Check the credentials and the bucket by writing, verifying and removing a small test file</source>
        <translation>寫入一個小測試檔、驗證後刪除，藉此檢查憑證和儲存貯體</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="440" />
        <source>Conflicts</source>
        <translation>衝突</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="441" />
        <source>No conflicts: every image agrees with the cloud.</source>
        <translation>沒有衝突：每張圖片都和雲端一致。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="442" />
        <source>Keep this computer's</source>
        <translation>保留本機</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="443" />
        <source>Keep the cloud's</source>
        <translation>保留雲端</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_page_view.py" line="444" />
        <source>An image's rating, favourite or tags changed here and on another computer differently: choose which to keep.</source>
        <translation>同一張圖片的評分、最愛或標籤在本機和另一台電腦被改成不同的值：請選擇要保留哪一邊。</translation>
    </message>
</context>
</TS>